//! "Play the trend": the series as tones, with the Web Audio API (no audio files). The pitches
//! are made at build time (`chart::sonify`, in `CHART.pitches`); this schedules them on the
//! audio clock, moves the selection with them (so the marker, tooltip, table row and live
//! region follow the sound, as for the keyboard), and stops them on a second press or Escape.
//!
//! Nothing sounds, and no audio context exists, before the reader presses the button: the
//! context is made in the click. Where the browser has no Web Audio, or the audio does not
//! start, the status next to the button says so in words. The button's text and the status
//! are written here on the DOM (`components::PlayButton` prerenders them): less code in the
//! wasm than reactive text.

use std::cell::RefCell;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AudioContext, AudioContextState, AudioNode, KeyboardEvent, OscillatorNode};

use super::hooks::listen;
use crate::chart::sonify::{start_ms, LEAD_MS, TONE_MS};
use crate::content::Chart;

/// What the status says when no sound can play.
const CANNOT_PLAY: &str = "Sound cannot play in this browser.";

/// The button's text, idle and playing: what pressing it does.
const PLAY: &str = "Play the trend";
const STOP: &str = "Stop";

/// Each tone's loudness (of full scale), and how long it takes to fade in and out (s): no
/// clicks at its edges.
const LEVEL: f32 = 0.2;
const FADE: f64 = 0.02;

/// How long the audio may take to start before the status says it cannot.
const START_LIMIT: Duration = Duration::from_millis(1000);

thread_local! {
    static PLAYER: RefCell<Player> = RefCell::default();
}

/// The audio context (made on the first press, kept for the next), and what the current run
/// scheduled. `run` counts presses and stops: a run that was stopped while its audio was
/// starting finds its number changed and schedules nothing.
#[derive(Default)]
struct Player {
    context: Option<AudioContext>,
    run: u32,
    playing: bool,
    started: bool,
    tones: Vec<OscillatorNode>,
    timers: Vec<TimeoutHandle>,
}

/// Makes Escape in the chart's island stop the sound (the chart's own handler also clears the
/// selection when it has the focus).
pub fn stop_sound_on_escape() {
    let Some(island) = document().get_element_by_id("chart-island") else {
        return;
    };
    listen(&island, "keydown", |event| {
        let escape = event
            .dyn_ref::<KeyboardEvent>()
            .is_some_and(|key| key.key() == "Escape");
        if escape && PLAYER.with_borrow(|p| p.playing) {
            stop_sound();
        }
    });
}

/// Starts playing the series, or stops it if it is playing.
pub fn play_or_stop(chart: &'static Chart, selected: RwSignal<Option<usize>>) {
    if PLAYER.with_borrow(|p| p.playing) {
        stop_sound();
        return;
    }
    let started = PLAYER.with_borrow_mut(|player| {
        if player.context.is_none() {
            player.context = AudioContext::new().ok();
        }
        player.run += 1;
        player.started = false;
        player.context.clone().map(|context| (context, player.run))
    });
    let Some((context, run)) = started else {
        say(CANNOT_PLAY);
        return;
    };
    say("");
    show_playing(true);
    // A browser may leave the audio suspended without refusing: the status says so after a
    // while instead of waiting for ever.
    let _ = set_timeout_with_handle(
        move || {
            if PLAYER.with_borrow(|p| p.run == run && !p.started) {
                stop_sound();
                say(CANNOT_PLAY);
            }
        },
        START_LIMIT,
    );
    wasm_bindgen_futures::spawn_local(async move {
        let resumed = match context.resume() {
            Ok(promise) => JsFuture::from(promise).await.is_ok(),
            Err(_) => false,
        };
        if PLAYER.with_borrow(|p| p.run != run) {
            return;
        }
        if resumed && context.state() == AudioContextState::Running {
            schedule(&context, chart, selected);
        } else {
            stop_sound();
            say(CANNOT_PLAY);
        }
    });
}

/// Stops the tones and the moving selection; the selection stays where the sound was.
fn stop_sound() {
    PLAYER.with_borrow_mut(|player| {
        player.run += 1;
        for tone in player.tones.drain(..) {
            let _ = tone.stop();
        }
        for timer in player.timers.drain(..) {
            timer.clear();
        }
    });
    show_playing(false);
}

/// Keeps the player's state and the button's text in step.
fn show_playing(playing: bool) {
    PLAYER.with_borrow_mut(|player| player.playing = playing);
    if let Some(button) = document().get_element_by_id("sound-button") {
        button.set_text_content(Some(if playing { STOP } else { PLAY }));
    }
}

/// One tone per point on the audio clock, and a timer per tone that selects its point.
fn schedule(context: &AudioContext, chart: &'static Chart, selected: RwSignal<Option<usize>>) {
    let now = context.current_time();
    let destination: AudioNode = context.destination().into();
    let after = |ms: u32| Duration::from_millis(u64::from(ms));
    // From nothing, so the first point is announced even if it was selected.
    selected.set(None);
    let mut tones = Vec::new();
    let mut timers = Vec::new();
    for (index, &pitch) in chart.pitches.iter().enumerate() {
        let at = now + f64::from(start_ms(index)) / 1000.0;
        tones.extend(tone(context, &destination, pitch, at));
        let select = move || selected.set(Some(index));
        timers.extend(set_timeout_with_handle(select, after(start_ms(index) - LEAD_MS)).ok());
    }
    let last = start_ms(chart.pitches.len().saturating_sub(1));
    timers.extend(set_timeout_with_handle(stop_sound, after(last + TONE_MS)).ok());
    PLAYER.with_borrow_mut(|player| {
        player.started = true;
        player.tones = tones;
        player.timers = timers;
    });
}

/// A sine tone of `pitch` Hz from `at` (audio clock, s), `TONE_MS` long, faded in and out.
fn tone(
    context: &AudioContext,
    destination: &AudioNode,
    pitch: f64,
    at: f64,
) -> Option<OscillatorNode> {
    let end = at + f64::from(TONE_MS) / 1000.0;
    let oscillator = context.create_oscillator().ok()?;
    oscillator.frequency().set_value(pitch as f32);
    let gain = context.create_gain().ok()?;
    let level = gain.gain();
    level.set_value(0.0);
    level.set_value_at_time(0.0, at).ok()?;
    level.linear_ramp_to_value_at_time(LEVEL, at + FADE).ok()?;
    level.set_value_at_time(LEVEL, end - FADE).ok()?;
    level.linear_ramp_to_value_at_time(0.0, end).ok()?;
    oscillator.connect_with_audio_node(&gain).ok()?;
    gain.connect_with_audio_node(destination).ok()?;
    oscillator.start_with_when(at).ok()?;
    oscillator.stop_with_when(end).ok()?;
    Some(oscillator)
}

/// Writes the sound's status (`components::PlayButton`), prerendered empty.
fn say(words: &str) {
    if let Some(status) = document().get_element_by_id("sound-status") {
        status.set_text_content(Some(words));
    }
}

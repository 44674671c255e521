//! The article's phrases that state a chart value ("35 people"), tied to their points: pointing
//! at a phrase selects its point (the marker, tooltip and announcement, as a hover on the
//! chart), leaving it clears that; a selected point marks its phrases. The phrases are found at
//! build time (`chart::mentions`, in `CHART.mentions`); the prerendered text has no trace of
//! them: the browser wraps each in a `<span class="mention">` here, which changes no character
//! of the text. Not focusable: the chart's one tab stop already walks the points, and marks
//! the phrase of the selected one (see docs/sound-and-text.md).

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, NodeList, Text};

use super::hooks::{effect, listen};
use crate::content::{Chart, Mention};

/// Wraps the phrases of `chart.mentions` and ties them to `selected`.
pub fn link_mentions(chart: &'static Chart, selected: RwSignal<Option<usize>>) {
    let Ok(paragraphs) = document().query_selector_all(".article > p") else {
        return;
    };
    // Last first: wrapping a phrase splits its text node, and the text before it stays in
    // the first part, where the paragraph's earlier phrases are still looked up.
    let spans: Vec<(Element, usize)> = chart
        .mentions
        .iter()
        .rev()
        .filter_map(|mention| Some((wrap(&paragraphs, mention)?, mention.point)))
        .collect();
    for (span, point) in &spans {
        let point = *point;
        listen(span, "mouseenter", move |_| selected.set(Some(point)));
        listen(span, "mouseleave", move |_| {
            if selected.get_untracked() == Some(point) {
                selected.set(None);
            }
        });
    }
    effect(move || {
        let current = selected.get();
        for (span, point) in &spans {
            let _ = span
                .class_list()
                .toggle_with_force("is-marked", current == Some(*point));
        }
    });
}

/// Puts the mention's phrase in a span, if the page says it where the build found it.
fn wrap(paragraphs: &NodeList, mention: &Mention) -> Option<Element> {
    let text: Text = paragraphs
        .item(mention.paragraph as u32)?
        .first_child()?
        .dyn_into()
        .ok()?;
    let length = mention.end - mention.start;
    if text.substring_data(mention.start, length).ok()? != mention.text {
        return None;
    }
    let phrase = text.split_text(mention.start).ok()?;
    phrase.split_text(length).ok()?;
    let span = document().create_element("span").ok()?;
    span.set_class_name("mention");
    phrase.parent_node()?.replace_child(&span, &phrase).ok()?;
    span.append_child(&phrase).ok()?;
    Some(span)
}

//! The data table's row mark. The table is prerendered HTML that hydration leaves alone (see
//! `components::data_table`), so the selected row's class is set on the DOM directly.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::hooks::effect;

/// Keeps the class `selected` on the table row of the selected point, and on no other row,
/// while the table is shown. (In the chart view the mark is invisible: hovering the chart does
/// not touch the table.)
pub fn mark_selected_row(table_shown: ReadSignal<bool>, selected: ReadSignal<Option<usize>>) {
    effect(move || {
        if !table_shown.get() {
            return;
        }
        let selected = selected.get();
        let Ok(rows) = document().query_selector_all("#chart-table tbody tr") else {
            return;
        };
        for i in 0..rows.length() {
            if let Some(row) = rows.item(i).and_then(|row| row.dyn_into::<Element>().ok()) {
                let mark = selected == Some(i as usize);
                let _ = row.class_list().toggle_with_force("selected", mark);
            }
        }
    });
}

use leptos::prelude::*;

/// The chart as static SVG, one per layout and coloured by the page's theme; CSS shows the one
/// that fits, and hides both once the canvas chart is there. Drawn at build time by the same code as the
/// canvas (`crate::prerender::chart_svgs`). In the browser the markup is already in the page,
/// and hydration leaves it alone.
#[component]
pub fn StaticChart() -> impl IntoView {
    view! { <div class="chart-static" inner_html=svg_markup()></div> }
}

#[cfg(feature = "ssr")]
fn svg_markup() -> String {
    crate::prerender::chart_svgs(&crate::content::CHART)
}

#[cfg(not(feature = "ssr"))]
fn svg_markup() -> String {
    String::new()
}

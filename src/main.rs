//! The browser entry point: Trunk builds this for wasm32 with the `hydrate` feature.

fn main() {
    #[cfg(feature = "hydrate")]
    way_out::interactive::start();
}

//! The browser entry point: Trunk builds this for wasm32 with the `hydrate` feature.

// A free-list allocator (sorted, coalescing) a fifth the size of the default dlmalloc. The
// app is single-threaded: no wasm threads, no shared memory.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    // SAFETY: the wasm runs on the page's one thread only.
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

fn main() {
    #[cfg(feature = "hydrate")]
    way_out::interactive::start();
}

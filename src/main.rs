//! The browser entry point: Trunk builds this for wasm32 with the `hydrate` feature.

// A free-list allocator (sorted, coalescing) a fifth the size of the default dlmalloc. The
// app is single-threaded: no wasm threads, no shared memory.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    // SAFETY: the wasm runs on the page's one thread only.
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

fn main() {
    #[cfg(target_arch = "wasm32")]
    heap_in_first_page();
    #[cfg(feature = "hydrate")]
    way_out::interactive::start();
}

/// Gives the allocator the first memory page's space after the stack and the data. lol_alloc
/// takes memory only by growing it, a page (64 KB) at a time, so the app's few kilobytes of heap
/// cost a second page. "Freeing" that space puts it on the allocator's free list: the heap
/// starts there, and the wasm's memory stays one page until it needs more (measured: 128 → 64
/// KB).
#[cfg(target_arch = "wasm32")]
fn heap_in_first_page() {
    use std::alloc::{GlobalAlloc, Layout};
    extern "C" {
        // Where the linker put the end of the data: the first free byte.
        static __heap_base: u8;
    }
    const ALIGN: usize = 16;
    const PAGE: usize = 65536;
    // SAFETY: the rest of the page that holds `__heap_base` is in the initial memory, is
    // neither stack (below the data) nor data, and the allocator never hands it out (it only
    // uses pages it grows), so nothing else uses it.
    unsafe {
        let start = (std::ptr::addr_of!(__heap_base) as usize).next_multiple_of(ALIGN);
        let end = start.next_multiple_of(PAGE);
        if end > start + ALIGN {
            let layout = Layout::from_size_align_unchecked(end - start, ALIGN);
            ALLOCATOR.dealloc(start as *mut u8, layout);
        }
    }
}

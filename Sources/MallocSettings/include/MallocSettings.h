#ifndef KIOSQUE_MALLOC_SETTINGS_H
#define KIOSQUE_MALLOC_SETTINGS_H

#include <malloc.h>

/// Has glibc's malloc give freed memory back to the kernel only once
/// `trim` bytes lie free at the top of a heap, and take blocks below `mmap`
/// bytes from its heaps, not from mappings of their own that go back to
/// the kernel when freed (see Sources/kiosque/FreedMemory.swift). `mallopt`
/// and its constants are not in Swift's Glibc module. Returns 1 when
/// malloc took both settings.
static inline int kiosque_keep_freed_memory(int trim, int mmap) {
    return mallopt(M_TRIM_THRESHOLD, trim) && mallopt(M_MMAP_THRESHOLD, mmap);
}

#endif

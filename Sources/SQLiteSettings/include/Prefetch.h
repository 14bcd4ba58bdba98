#ifndef KIOSQUE_PREFETCH_H
#define KIOSQUE_PREFETCH_H

/// Asks for the memory at `address` to be brought into the cache, without
/// waiting for it: the search index looks up a document's terms in a
/// table of megabytes, and asking for all their places first lets the
/// memory fetch them together rather than one after the other.
static inline void kiosque_prefetch(const void *address) {
    __builtin_prefetch(address);
}

#endif

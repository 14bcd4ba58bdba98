#ifndef KIOSQUE_FILE_WRITEBACK_H
#define KIOSQUE_FILE_WRITEBACK_H

/// Asks the kernel to start writing the file's changed pages to disk, and
/// returns without waiting for them (Linux's sync_file_range, which needs
/// _GNU_SOURCE: Swift's Glibc module leaves it out). 0, or -1 with errno.
int kiosque_start_writeback(int fd);

#endif

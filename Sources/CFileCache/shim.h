#include <sys/types.h>
#include <fcntl.h>

#if defined(__linux__)
/* Linux's sync_file_range(2). glibc declares it only under _GNU_SOURCE, which the Swift Glibc module is
   not built with; the flags are those of <linux/fs.h>. */
extern int sync_file_range(int fd, off_t offset, off_t nbytes, unsigned int flags);
static const unsigned int gigaplan_sync_wait_before = 1;
static const unsigned int gigaplan_sync_write = 2;
static const unsigned int gigaplan_sync_wait_after = 4;
#endif

/* What-if experiment only (Benchmarks/profile/whatif.sh): makes fsync and fdatasync
 * no-ops, to measure what Foundation's fsync-per-file in Data.write(to:) costs a build. */
int fsync(int fd) { (void)fd; return 0; }
int fdatasync(int fd) { (void)fd; return 0; }

#ifndef FUZZER_DRIVER_H
#define FUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver, for programs that have their own `main`. SwiftPM gives every
/// executable one (it links `main` to `<module>_main`), so libFuzzer's `main` cannot be
/// used; `FuzzContent`'s `main` hands its arguments to this instead.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif

// libFuzzer itself is linked by -sanitize=fuzzer. Its archive's own main refers to
// LLVMFuzzerTestOneInput, so one must exist for the link; SwiftPM points main at the
// harness's <Target>_main instead, which runs LLVMFuzzerRunDriver with its own callback,
// so this one is never called.
#include "FuzzerDriver.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    (void)data;
    (void)size;
    return 0;
}

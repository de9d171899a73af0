#ifndef DATELINE_CFUZZER_H
#define DATELINE_CFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt, linked by `-sanitize=fuzzer`): runs `callback` over generated inputs as
/// the command line says. Lets one executable with its own `main` pick a target before fuzzing starts.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif

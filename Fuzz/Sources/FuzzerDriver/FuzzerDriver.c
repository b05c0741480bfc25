// Only the declaration in FuzzerDriver.h is needed; libFuzzer itself defines it.
#include "FuzzerDriver.h"

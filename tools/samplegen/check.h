// Early return of a non-OK Status from a function returning Result<T>.
#ifndef FACTEUR_TOOLS_SAMPLEGEN_CHECK_H_
#define FACTEUR_TOOLS_SAMPLEGEN_CHECK_H_

#include "facteur/status.h"

#define FACTEUR_RETURN_IF_ERROR_RESULT(expr)                               \
  do {                                                                     \
    ::facteur::Status samplegen_status_ = (expr);                          \
    if (!samplegen_status_.ok()) return ::facteur::Err(samplegen_status_); \
  } while (0)

#endif  // FACTEUR_TOOLS_SAMPLEGEN_CHECK_H_

/*
 * A library that calls a function nobody defines (missing_helper). Only
 * rarely_used() calls it, so a program that never calls rarely_used()
 * could live without it, if the loader binds functions lazily.
 */
void missing_helper(void);

int often_used(void) { return 7; }
void rarely_used(void) { missing_helper(); }

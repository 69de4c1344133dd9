/*
 * A plugin with a constructor, a destructor and static data: the
 * constructor says when it runs, the destructor says when it runs, and
 * "calls" counts calls to plugin_call() since the library was loaded.
 */
#include <stdio.h>

static int calls;   /* zero each time the library is really loaded */

__attribute__((constructor)) static void loaded(void) { printf("  plugin: constructor\n"); fflush(stdout); }
__attribute__((destructor)) static void unloaded(void) { printf("  plugin: destructor\n"); fflush(stdout); }

int plugin_call(void) { return ++calls; }

/* Two threads break in turn as daslang's os_debug_break() does: a worker, then the main thread. */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
static void os_debug_break(void) { raise(SIGTRAP); }
static void *worker(void *p) { os_debug_break(); return p; }
int main(void) { pthread_t t; pthread_create(&t, 0, worker, 0); pthread_join(t, 0); os_debug_break(); return 3; }

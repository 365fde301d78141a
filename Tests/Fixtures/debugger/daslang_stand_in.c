/* A stand-in for daslang under a debugger (no daslang binary where these transcripts were made):
   it breaks as daslang's os_debug_break() does, with raise(SIGTRAP), from distinct call sites,
   and prints lines daslang prints (copied from the corpus): the --track-smart-ptr echo, the
   gc_node break line, and the smart-pointer dump of smartptr_leak.log. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void os_debug_break(void) { raise(SIGTRAP); }
static void program_program(void) { os_debug_break(); }
static void parse_das_script(void) { os_debug_break(); }
static void simulate(void) { os_debug_break(); }
static void gc_node_gc_node(void) { os_debug_break(); }
static void type_decl_clone(void) { gc_node_gc_node(); }

int main(int argc, char **argv) {
  const char *gc = getenv("DAS_GC_BREAK_ON_ID");
  if (gc) { printf("gc_node break: id=%s\n", gc); fflush(stdout); type_decl_clone(); }
  for (int i = 1; i + 1 < argc; i++) if (!strcmp(argv[i], "--track-smart-ptr")) {
    printf("tracking %s aka %ld\n", argv[i + 1], strtol(argv[i + 1], 0, 16));
    program_program();
    parse_das_script();
    parse_das_script();
    simulate();
  }
  printf("smartptr_leak: kept FileAccess x2, Program, Context\n");
  printf("FATAL: exiting with code 1 -- 4 smart pointer(s) still alive at shutdown\n");
  printf("0x55dafb2ad9b0 (rc=1, id=2ec) Context \n");
  printf("0x55dafb19e7b0 (rc=1, id=2e7) Program\n");
  printf("0x55dafb29a760 (rc=1, id=2e5) FileAccess\n");
  printf("0x55dafb0b1a50 (rc=1, id=2e4) FileAccess\n");
  printf("total 4 tracked pointers\n");
  return 1;
}

"""
How pip decides which wheels fit this interpreter: packaging.tags (the logic
pip vendors) reads the C library from the running interpreter itself. For
manylinux it asks glibc for its version (confstr / gnu_get_libc_version); for
musllinux it reads the ELF interpreter (PT_INTERP) of sys.executable and runs
that loader to read musl's version. Here both computations are shown: for this
interpreter, and for a musl-linked program given as the first argument.
"""
import sys
import sysconfig

from packaging import tags, _manylinux, _musllinux

print("python", sys.version.split()[0], "on", sysconfig.get_platform())
print("glibc version seen by packaging:", _manylinux._get_glibc_version())
print("musl version of this interpreter:", _musllinux._get_musl_version(sys.executable))
linux = [str(t) for t in tags.sys_tags() if "linux" in str(t)]
print("platform tags, most preferred first:", len(linux))
for t in linux[:3]:
    print(" ", t)
print("  ...")
print(" ", linux[-1])
print("any musllinux tag:", any("musllinux" in t for t in linux))
if len(sys.argv) > 1:
    other = sys.argv[1]
    read = _musllinux._get_musl_version
    version = read(other)
    print("musl version read from", other.rsplit("/", 1)[-1] + ":", version)
    # packaging's own tag computation, with the interpreter's loader answer replaced by that program's.
    _musllinux._get_musl_version = lambda executable: read(other)
    try:
        computed = list(_musllinux.platform_tags(["x86_64"]))
    except TypeError:  # packaging before 22 took one architecture
        computed = list(_musllinux.platform_tags("x86_64"))
    print("musllinux tags for an interpreter linked like it:", " ".join(computed) if computed else "none")

# NumPy's core extension module, as Debian's python3-numpy installs it: a
# shared object built against glibc, which calls BLAS for matrix products.
# The run imports NumPy and does one product, so the module and the BLAS
# library it needs are both loaded.
import numpy
import numpy._core._multiarray_umath as core

a = numpy.array([[1.0, 2.0], [3.0, 4.0]])
print(f"numpy {numpy.__version__}")
print(f"core module: {core.__file__.rsplit('/', 1)[-1]}")
print(f"a @ a = {(a @ a).tolist()}")

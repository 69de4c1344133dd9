/*
 * A minimal C extension module: spam.version() returns the C library's name
 * and version as this extension sees it at run time. Built against the
 * environment's Python headers, as pip builds an sdist.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <gnu/libc-version.h>

static PyObject *version(PyObject *self, PyObject *args) {
    (void)self; (void)args;
    return PyUnicode_FromFormat("glibc %s", gnu_get_libc_version());
}

static PyMethodDef methods[] = {
    {"version", version, METH_NOARGS, "The C library this extension runs on."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "spam", NULL, -1, methods};

PyMODINIT_FUNC PyInit_spam(void) { return PyModule_Create(&module); }

"""What the fork server loads once for every worker (:mod:`simulate.processes`): the
package's running code and the compiled random draws."""

from simulate.experiments import sweep  # noqa: F401  (runs experiments; imports the model)
from simulate.rng import compile_kernels

compile_kernels()

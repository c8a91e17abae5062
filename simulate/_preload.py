"""What the fork server loads once for every worker (:mod:`simulate.processes`): the
package's running code, the compiled random draws and a batch's compiled matching."""

import numpy as np

from simulate.batch import _search_blocks
from simulate.experiments import sweep  # noqa: F401  (runs experiments; imports the model)
from simulate.rng import compile_kernels

compile_kernels()
_search_blocks()(np.zeros(1), np.zeros(1, dtype=np.int64), 1, np.zeros(1))

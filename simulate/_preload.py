"""What the fork server loads once for every worker (:mod:`simulate.processes`): the
package's running code, the compiled random draws and the compiled loops of the steps and
of a batch (:mod:`simulate.compiled`), each for the types the model calls it with."""

import numpy as np

from simulate.batch import _search_blocks
from simulate.experiments import sweep  # noqa: F401  (runs experiments; imports the model)
from simulate.lockstep import _shift
from simulate.rng import compile_kernels
from simulate.steps.coaching import _assign, _revert
from simulate.steps.ladder import _stress

compile_kernels()
_one_int, _one_f32 = np.zeros(1, dtype=np.int64), np.zeros(1, dtype=np.float32)
_search_blocks(np.zeros(1), _one_int, 1, np.zeros(1))
_assign(_one_int, _one_int, _one_int, _one_int, _one_int.copy(), _one_int, 1)
_revert(np.zeros(1, dtype=np.int8), 0, _one_f32, *(_one_f32.copy() for _ in range(4)))
_shift(np.zeros(1, dtype=np.int32), *(np.zeros(1, dtype=np.int16) for _ in range(2)), _one_int,
       1, 1, 1, 1)
_stress(np.zeros(1, dtype=np.bool_), np.zeros(1, dtype=np.bool_), _one_f32.copy(), _one_f32,
        np.zeros(1, dtype=np.uint8), np.zeros(1), np.zeros(1), np.zeros(1))

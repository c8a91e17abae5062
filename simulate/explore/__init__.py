"""``simulate explore``: a local web app to move a programme's levers and see the paired
answer against the base, refined as replications finish.

- :mod:`simulate.explore.levers`: the levers of a programme, from the declarations;
- :mod:`simulate.explore.engine`: the worker that answers one replicate at a time, with the
  numbers ``simulate compare`` gives;
- :mod:`simulate.explore.programmes`: the base and the programmes on offer, a setting as a
  scenario file;
- :mod:`simulate.explore.answer`: the headline numbers from a comparison table;
- :mod:`simulate.explore.app`: the page (Dash, an optional dependency: ``explore`` extra).
"""

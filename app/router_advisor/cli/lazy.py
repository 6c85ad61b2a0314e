"""Import heavy modules on first use, so `router-advisor --help` and each command start fast.

Every command group registers its parser at start-up; the services behind them pull in
sqlite-utils, scapy, zeroconf, speedtest-cli and jinja2, which only the command that runs
needs. This is the standard library's documented `LazyLoader` recipe.
"""

import importlib.util
import sys
from types import ModuleType


def lazy_import(name: str) -> ModuleType:
    """The module `name`, executed only when one of its attributes is first read."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(f"no module named {name!r}", name=name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module

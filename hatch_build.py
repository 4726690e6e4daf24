"""Compile the gettext catalogs (`.po`) into the `.mo` files the package reads at run time.

Hatch runs this for every wheel, editable ones included: a wheel gets the `.mo` files, an
editable install writes them beside their `.po` in the source tree (git ignores them;
`python3 tasks.py` refreshes them before it tests, builds or serves).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CustomBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        root = Path(self.root)
        sys.path.insert(0, str(root / "tools"))
        from compile_catalogs import compile_all

        if version == "editable":
            compile_all(root, root)
            return
        self._tmp = tempfile.TemporaryDirectory()
        out = Path(self._tmp.name)
        for mo in compile_all(root, out):
            build_data["force_include"][str(mo)] = str(mo.relative_to(out))

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        tmp = getattr(self, "_tmp", None)
        if tmp is not None:
            tmp.cleanup()

"""One pytest item per notebook under nbs/, run by nbdev's own `test_nb` (same directives as `nbdev_test`).

`NBDEV_TEST_FLAGS="slow"` plays the role of `nbdev_test --flags slow`.
"""
import os, pytest
from nbdev.config import get_config
from nbdev.test import test_nb

def _eligible(rel):
    "Same rule as nbdev_test: skip names/folders starting with `_` or `.`, and folders with a `.notest` file."
    if rel.suffix != '.ipynb' or rel.name.startswith(('_', '.')): return False
    if any(p.startswith(('_', '.')) for p in rel.parts[:-1]): return False
    return not (rel.parent/'.notest').exists()

def pytest_collect_file(parent, file_path):
    rel = file_path.relative_to(parent.config.rootpath)
    if rel.parts and rel.parts[0] == 'nbs' and _eligible(rel):
        return NotebookFile.from_parent(parent, path=file_path)

class NotebookFile(pytest.File):
    def collect(self): yield NotebookItem.from_parent(self, name=self.path.stem)

class NotebookFailed(Exception): pass

class NotebookItem(pytest.Item):
    def runtest(self):
        cfg = get_config()
        ok, _ = test_nb(self.path, skip_flags=cfg.tst_flags.split(),
                        force_flags=os.environ.get('NBDEV_TEST_FLAGS', '').split(), basepath=cfg.config_path)
        if not ok: raise NotebookFailed(str(self.path))
    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, NotebookFailed): return f'notebook failed: {excinfo.value} (traceback in captured stderr)'
        return super().repr_failure(excinfo)
    def reportinfo(self): return self.path, 0, f'notebook {self.path.name}'

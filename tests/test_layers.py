"""The apps depend one way: register ← commitments ← legislation ← letters (DESIGN.md
"Architecture", STYLE.md 13). A lower app never imports a higher one — not at the top of a module
and not inside a function either; where it must reach up it offers a hook that the higher app
fills (commitments.related, register.models.DOCUMENT_DELETION_CHECKS, the demo modules).

The imports are read from the source with ast, so nothing has to be imported to check them.
"""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
LAYERS = settings.REGISTER_APPS  # lowest first


def imported_modules(source):
    """(line, module) of every import in `source`, wherever it stands."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module
            # `from letters import services` imports the module letters.services too.
            yield from ((node.lineno, f"{node.module}.{alias.name}") for alias in node.names)


def upward_imports(app, source, where):
    """The imports in `source` (a module of `app`) of an app above it."""
    level = LAYERS.index(app)
    found = []
    for line, module in imported_modules(source):
        top = module.split(".")[0]
        if top in LAYERS and LAYERS.index(top) > level:
            found.append(f"{where}:{line} imports {module} ({app} is below {top})")
    return sorted(set(found))


def test_no_app_imports_an_app_above_it():
    problems = []
    for app in LAYERS:
        for path in sorted((ROOT / app).rglob("*.py")):
            where = path.relative_to(ROOT)
            problems += upward_imports(app, path.read_text(encoding="utf-8"), where)
    assert problems == []


def test_the_check_sees_an_import_inside_a_function():
    source = "import datetime\n\ndef load():\n    from letters import demo\n    return demo\n"
    assert upward_imports("register", source, "register/demo.py") == [
        "register/demo.py:4 imports letters (register is below letters)",
        "register/demo.py:4 imports letters.demo (register is below letters)"]
    assert upward_imports("letters", source, "letters/demo.py") == []


def test_the_layers_are_the_apps_in_the_order_of_the_design():
    assert LAYERS == ["register", "commitments", "legislation", "letters"]
    assert settings.INSTALLED_APPS[:4] == LAYERS

"""The ground floor knows no feature: no module under toolkit/ imports a feature app (function-
level imports included), no toolkit template loads a feature app's tag library or reverses its
URLs, and every app whose models point at a person registers a personal-data provider that
names them, so no app can be left out of a person's download and erasure."""

import ast
import pathlib
import re

from django.apps import apps
from django.conf import settings

from toolkit import personal_data

ROOT = pathlib.Path(__file__).resolve().parents[2]
SKIP = {".venv", "node_modules", "tests", "docs", "locale", "media", "staticfiles"}
TOOLKIT = ROOT / "toolkit"


def feature_apps() -> set[str]:
    """Every top-level package of the project but toolkit: a future app is covered unnamed."""
    return {
        p.parent.name
        for p in ROOT.glob("*/__init__.py")
        if p.parent.name not in SKIP | {"toolkit"} and not p.parent.name.startswith(".")
    }


def imported(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def test_no_toolkit_module_imports_a_feature_app():
    features = feature_apps()
    assert {"assessments", "learning", "cms"} <= features
    found = []
    for path in TOOLKIT.rglob("*.py"):
        for name in imported(ast.parse(path.read_text(encoding="utf-8"))):
            if name.split(".")[0] in features:
                found.append(f"{path.relative_to(ROOT)}: {name}")
    assert found == []


def tag_libraries(app: str) -> set[str]:
    return {p.stem for p in (ROOT / app / "templatetags").glob("*.py") if p.stem != "__init__"}


def url_namespaces(app: str) -> set[str]:
    """The app's own namespace (app_name of its urls.py), and its name, which is the default."""
    namespaces = {app}
    urls = ROOT / app / "urls.py"
    if urls.exists():
        namespaces |= set(re.findall(r"app_name\s*=\s*[\"'](\w+)[\"']", urls.read_text()))
    return namespaces


LOAD = re.compile(r"{%\s*load\s+([^%]+?)\s*%}")
URL = re.compile(r"{%\s*url\s+[\"'](\w+):")


def test_no_toolkit_template_loads_a_feature_apps_tags_or_urls():
    libraries = {name: app for app in feature_apps() for name in tag_libraries(app)}
    namespaces = {ns: app for app in feature_apps() for ns in url_namespaces(app)}
    assert "assessments_tags" in libraries and "learning" in namespaces
    found = []
    for path in (TOOLKIT / "templates").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for group in LOAD.findall(text):
            for name in group.split():
                if name in libraries:
                    found.append(f"{path.relative_to(ROOT)}: load {name}")
        for namespace in URL.findall(text):
            if namespace in namespaces:
                found.append(f"{path.relative_to(ROOT)}: url {namespace}:")
    assert found == []


def test_the_check_itself_sees_a_feature_import_and_a_feature_tag():
    tree = ast.parse("def f():\n    from assessments.models import Draft\n")
    assert "assessments.models" in imported(tree)
    assert LOAD.findall("{% load i18n assessments_tags %}") == ["i18n assessments_tags"]
    assert URL.findall("{% url 'learning:unit_training' unit.code %}") == ["learning"]


def models_pointing_at_a_person(app_label: str) -> set[str]:
    user = apps.get_model(settings.AUTH_USER_MODEL)
    found = set()
    for model in apps.get_app_config(app_label).get_models():
        for field in model._meta.get_fields():
            # Fields of the model itself: Wagtail's Page fields (owner, locked_by) are Wagtail's.
            own = field.is_relation and not field.auto_created and field.model is model
            if own and field.related_model is user:
                found.add(model._meta.label)
    return found


def test_every_model_that_points_at_a_person_has_a_personal_data_provider():
    providers = {provider.app_label: provider for provider in personal_data.providers()}
    missing = []
    for app_label in sorted(feature_apps() | {"toolkit"}):
        if not apps.is_installed(app_label):
            continue
        pointing = models_pointing_at_a_person(app_label)
        if not pointing:
            continue
        covered = set(providers[app_label].models) if app_label in providers else set()
        missing += sorted(pointing - covered)
    assert missing == []
    for provider in providers.values():
        assert provider.held and str(provider.kept), provider.app_label


def test_personal_data_providers_are_asked_in_their_declared_order():
    assert [p.app_label for p in personal_data.providers()] == [
        "toolkit",
        "learning",
        "assessments",
        "feedback",
    ]

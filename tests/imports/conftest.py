import pytest

from tests.imports.helpers import DATA


@pytest.fixture
def pages():
    return [DATA / "toezeggingen-page1.json", DATA / "toezeggingen-page2.json"]


@pytest.fixture
def moties_sample():
    return DATA / "moties-2023-01-sample.json"

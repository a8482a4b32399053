"""The installed package: where it comes from, what it declares, its errors."""
import inspect
import os
from pathlib import Path

import pytest

import parley
from parley import _capi


def test_parley_is_the_installed_wheel_with_its_library_beside_it():
    expected_prefix = os.environ.get("PARLEY_EXPECTED_PREFIX")
    if not expected_prefix:
        pytest.skip("run through run_tests.sh to check the installed package")
    package = Path(parley.__file__).resolve().parent
    assert Path(expected_prefix).resolve() in package.parents
    assert (package / "libparley.so.1").is_file()
    assert Path(_capi.lib._name).resolve() == (package / "libparley.so.1").resolve()
    assert "LD_LIBRARY_PATH" not in os.environ


def test_versions_agree_with_the_header():
    assert parley.version() == parley.__version__ == "1.0.0"
    assert parley.version_number() == _capi.PARLEY_VERSION_NUMBER == 10000


def test_every_function_of_the_header_is_in_the_library():
    assert len(_capi.FUNCTIONS) > 60
    missing = [name for name in _capi.FUNCTIONS if not hasattr(getattr(_capi, name), "argtypes")]
    assert missing == []


def test_the_layer_uses_every_function_of_the_header():
    layer = "".join(inspect.getsource(module) for module in (
        parley, parley.activities, parley.call, parley.analysis, parley.sentiment, parley.store, parley.errors,
        parley._support))
    # The layer raises with the status a call returned: it never needs to ask for the last one.
    not_needed = {"parley_last_error_status"}
    assert [name for name in _capi.FUNCTIONS if f"_capi.{name}" not in layer and name not in not_needed] == []


def test_every_failure_status_has_its_exception_class():
    for status in parley.Status:
        if status == parley.Status.OK:
            continue
        cls = parley.errors.ERROR_CLASSES[status]
        assert issubclass(cls, parley.ParleyError)
        assert cls.__name__ == "".join(w.capitalize() for w in status.name.split("_")) + "Error"


def test_an_error_carries_its_status_name_and_message():
    with pytest.raises(parley.ParseError) as caught:
        parley.Call.parse("{not json", format="parley-json", source_name="broken.json")
    error = caught.value
    assert error.status == parley.Status.PARSE
    assert error.status_name == "parse"
    assert "broken.json" in error.message
    assert str(error).endswith("[parse]")


def test_a_missing_file_is_an_io_error_naming_it(tmp_path):
    missing = tmp_path / "nowhere.vtt"
    with pytest.raises(parley.IoError) as caught:
        parley.Call.read(missing)
    assert caught.value.status == parley.Status.IO
    assert "nowhere.vtt" in caught.value.message


def test_an_unknown_option_is_a_parse_error_naming_it():
    with pytest.raises(parley.ParseError) as caught:
        parley.Analyzer(options={"no_such_option": 1})
    assert caught.value.message.startswith("options_json: unknown member 'no_such_option'")


def test_a_bad_argument_is_invalid_argument_and_a_value_error():
    with pytest.raises(parley.InvalidArgumentError) as caught:
        parley.Scorer("en", options={"negative_threshold": 0.5})
    assert isinstance(caught.value, ValueError)
    assert caught.value.status_name == "invalid_argument"

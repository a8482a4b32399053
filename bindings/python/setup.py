"""The parts of the wheel's build pyproject.toml cannot say: its version comes from the generated
parley/_capi.py (parley.h's), and it is tagged for this platform (py3-none-linux_x86_64), not "any",
because it carries the shared library."""
import re
from pathlib import Path

from setuptools import Distribution, setup
from wheel.bdist_wheel import bdist_wheel


def header_version():
    text = (Path(__file__).parent / "parley" / "_capi.py").read_text(encoding="utf-8")
    parts = [re.search(rf"^PARLEY_VERSION_{part} = (\d+)$", text, re.M).group(1) for part in ("MAJOR", "MINOR", "PATCH")]
    return ".".join(parts)


class BinaryDistribution(Distribution):
    """Carries a binary (the library): installed into platlib, the wheel's root."""

    def has_ext_modules(self):
        return True


class PlatformWheel(bdist_wheel):
    """Any Python 3 (ctypes needs no compiled module), this platform only (the library)."""

    def finalize_options(self):
        super().finalize_options()
        self.root_is_pure = False

    def get_tag(self):
        _, _, platform = super().get_tag()
        return "py3", "none", platform


setup(version=header_version(), distclass=BinaryDistribution, cmdclass={"bdist_wheel": PlatformWheel})

"""Command-line values of plain types (str, int, bool, Path, lists of them) converted without pydantic.

typer 0.29 converts every non-flag parameter through a pydantic TypeAdapter that it builds the
first time a command runs; importing pydantic and building the adapters took ~90 ms of a 180 ms
`convert notice.txt --to json`. Our parameters are all plain types, for which str(), int() and
Path() do the same job. typer builds its converter lazily, only when a parameter has none yet
(`_TyperParameter.get_runtime_param`), so giving each plain parameter ours first is enough.
Parameters of any other type, and a typer without this hook, keep typer's own behaviour.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, get_args, get_origin


def _integer(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    try:
        return int(str(value).strip())
    except ValueError:
        raise ValueError(f"{value!r} is not a whole number") from None


_FLAG_WORDS = {"1": True, "true": True, "yes": True, "on": True, "0": False, "false": False, "no": False, "off": False}


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    word = str(value).strip().lower()
    if word not in _FLAG_WORDS:
        raise ValueError(f"{value!r} is not one of {', '.join(_FLAG_WORDS)}")
    return _FLAG_WORDS[word]


_CONVERTERS: dict[Any, Callable[[Any], Any]] = {str: str, Path: Path, int: _integer, bool: _flag}


def _converter_for(annotation: Any) -> tuple[Callable[[Any], Any], bool] | None:
    """(convert one item, is a list) for a plain annotation; None for anything else."""
    if get_origin(annotation) is list:
        (item,) = get_args(annotation) or (None,)
        return (_CONVERTERS[item], True) if item in _CONVERTERS else None
    return (_CONVERTERS[annotation], False) if annotation in _CONVERTERS else None


@lru_cache(maxsize=1)
def _plain_runtime_param_class():
    """typer's RuntimeParam with our conversion; None when this typer has no such hook."""
    try:
        from dataclasses import dataclass

        from typer import BadParameter
        from typer._coercion import RuntimeParam
    except ImportError:
        return None

    @dataclass(frozen=True)
    class PlainRuntimeParam(RuntimeParam):
        convert: Callable[[Any], Any]
        is_list: bool

        def _coerce_value(self, value, param, ctx):
            try:
                if self.is_list:
                    items = value if isinstance(value, (list, tuple)) else [value]
                    return [self.convert(item) for item in items]
                return self.convert(value)
            except (TypeError, ValueError) as error:
                raise BadParameter(str(error), ctx=ctx, param=param) from None

    return PlainRuntimeParam


def use_plain_coercion(params: list) -> None:
    """Give each plain-typed typer parameter in `params` a converter that needs no pydantic."""
    runtime_class = _plain_runtime_param_class()
    if runtime_class is None:
        return
    for param in params:
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is None or getattr(param, "_runtime_param", "absent") is not None:
            continue
        found = _converter_for(descriptor.annotation)
        if found is None or descriptor.file_annotation is not None:
            continue
        convert, is_list = found
        param._runtime_param = runtime_class(
            parameter_info=descriptor.parameter_info,
            annotation=descriptor.annotation,
            convert=convert,
            is_list=is_list,
        )

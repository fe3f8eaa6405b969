#!/usr/bin/python3
"""Validate attune files against a JSON Schema (draft 2020-12).

Usage: validate.py [--schema SCHEMA.json] FILE...
       validate.py --schema SCHEMA.json        (checks the schema only)

Each FILE is read as YAML (JSON is read as JSON) and validated with
jsonschema.Draft202012Validator; the schema itself is checked first with
check_schema. One line per file on stdout, in the order given:

    FILE: ok
    FILE: invalid at /nodes/opening/mood [enum]: 'sad' is not one of [...]
    FILE: unreadable: MESSAGE

The error shown is the most specific one (anyOf/oneOf opened up, deepest path
first); the bracketed word is the schema keyword that failed (enum, required,
...; 'false' for a key a subschema forbids).
Exit status: 0 all files valid, 1 any file invalid or unreadable, 2 usage or a
bad schema. The default schema is assets/schema/attune-scenario-1.schema.json.

YAML is resolved the way attune's own reader and editors' YAML 1.2 support do:
only true/false (and True/False) are booleans (not yes/no/on/off), only plain
decimal digits are integers, there are no timestamps and no '<<' merge keys
(attune reports them as unknown keys), and mapping keys are kept as their text,
since JSON keys are always strings.
"""

import json
import os
import re
import sys

import jsonschema
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SCHEMA = os.path.join(HERE, "..", "..", "assets", "schema", "attune-scenario-1.schema.json")


class Yaml12Loader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 core-schema scalars, as attune reads them."""


Yaml12Loader.yaml_implicit_resolvers = {}
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|false|False)$"), list("tTfF")
)
Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+.0123456789"),
)


def _construct_bool(loader, node):
    return loader.construct_scalar(node) in ("true", "True")


def _construct_mapping(loader, node, deep=False):
    if not isinstance(node, yaml.MappingNode):
        raise yaml.constructor.ConstructorError(None, None, "expected a mapping", node.start_mark)
    mapping = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise yaml.constructor.ConstructorError(
                "while reading a mapping", node.start_mark, "a key must be a plain name", key_node.start_mark
            )
        mapping[key_node.value] = loader.construct_object(value_node, deep=deep)
    return mapping


def _construct_map_node(loader, node):
    data = {}
    yield data
    data.update(_construct_mapping(loader, node, deep=True))


Yaml12Loader.add_constructor("tag:yaml.org,2002:bool", _construct_bool)
Yaml12Loader.add_constructor("tag:yaml.org,2002:map", _construct_map_node)


def load(path):
    with open(path, "rb") as f:
        data = f.read()
    text = data.decode("utf-8")  # attune reads UTF-8 only
    if path.endswith(".json"):
        return json.loads(text)
    return yaml.load(text, Loader=Yaml12Loader)


def json_pointer(path):
    parts = [str(p).replace("~", "~0").replace("/", "~1") for p in path]
    return "/" + "/".join(parts)


WEAK = ("anyOf", "oneOf")


def first_error(errors):
    """The most specific error: anyOf/oneOf failures are opened up to their deepest
    branch error, then the deepest path wins, then the first in validation order."""
    candidates = []

    def open_up(error):
        if error.validator in WEAK and error.context:
            deepest = max(len(e.absolute_path) for e in error.context)
            for e in error.context:
                if len(e.absolute_path) == deepest:
                    open_up(e)
        else:
            candidates.append(error)

    for error in errors:
        open_up(error)
    if not candidates:
        return None
    return max(candidates, key=lambda e: len(e.absolute_path))  # max keeps the first of equals


def main(argv):
    args = argv[1:]
    schema_path = DEFAULT_SCHEMA
    if len(args) >= 2 and args[0] == "--schema":
        schema_path = args[1]
        args = args[2:]
    if any(a.startswith("--") for a in args) or (not args and schema_path == DEFAULT_SCHEMA):
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    try:
        with open(schema_path, encoding="utf-8") as f:
            schema = json.load(f)
        jsonschema.Draft202012Validator.check_schema(schema)
    except (OSError, ValueError, jsonschema.exceptions.SchemaError) as e:
        print(f"{schema_path}: bad schema: {e}", file=sys.stderr)
        return 2
    validator = jsonschema.Draft202012Validator(schema)
    if not args:
        print(f"{schema_path}: schema ok")
        return 0

    status = 0
    for path in args:
        try:
            document = load(path)
        except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError) as e:
            print(f"{path}: unreadable: {' '.join(str(e).split())}")
            status = 1
            continue
        error = first_error(validator.iter_errors(document))
        if error is None:
            print(f"{path}: ok")
            continue
        message = " ".join(error.message.split())
        if len(message) > 300:
            message = message[:297] + "..."
        keyword = error.validator if error.validator is not None else "false"  # a 'false' subschema
        print(f"{path}: invalid at {json_pointer(error.absolute_path)} [{keyword}]: {message}")
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))

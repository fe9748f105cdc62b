"""The schema as the generators walk it: resources with their operations, in the core's order."""

from dataclasses import dataclass, field
from typing import Dict, List, Optional


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p.title() for p in rest)


def pascal(name: str) -> str:
    return "".join(p.title() for p in name.split("_"))


@dataclass
class Op:
    raw: dict
    own_id: Optional[str]  # the item's id parameter, if the path has one beyond the parent's

    @property
    def action(self) -> str:
        return self.raw["action"]

    @property
    def id(self) -> str:
        return self.raw["id"]

    @property
    def input(self) -> Optional[str]:
        return self.raw["input"]

    @property
    def output(self) -> Optional[dict]:
        return self.raw["output"]

    @property
    def paginated(self) -> bool:
        return self.raw["paginated"]

    @property
    def filters(self) -> List[str]:
        return [f["name"] for f in self.raw["filters"]]

    @property
    def filter_docs(self) -> Dict[str, str]:
        return {f["name"]: f["doc"] for f in self.raw["filters"]}

    @property
    def doc(self) -> str:
        src = (
            ""
            if self.raw["source"] == "documented"
            else " Inferred: the docs name this operation without detailing it."
        )
        return (
            f"{self.raw['summary']} (`{self.raw['method']} {self.raw['path']}`, needs `{self.raw['permission']}`).{src}"
        )

    @property
    def item(self) -> Optional[str]:
        """The output model's name (the item of a list), or None."""
        out = self.output
        if out is None:
            return None
        return out["of"]["name"] if out["kind"] == "list" else out["name"]


@dataclass
class Resource:
    name: str
    parent: List[str]
    ops: List[Op] = field(default_factory=list)

    @property
    def cls(self) -> str:
        return pascal(self.name)

    @property
    def model(self) -> str:
        return next(o.item for o in self.ops if o.paginated)


def resources(schema: dict) -> List[Resource]:
    out: Dict[str, Resource] = {}
    for raw in schema["operations"]:
        res = out.get(raw["resource"])
        if res is None:
            # The list's path ids are the parent's (a client's contacts).
            lister = next(o for o in schema["operations"] if o["resource"] == raw["resource"] and o["paginated"])
            res = out[raw["resource"]] = Resource(raw["resource"], lister["path_params"])
        extra = raw["path_params"][len(res.parent) :]
        assert len(extra) <= 1, raw
        res.ops.append(Op(raw, extra[0] if extra else None))
    return list(out.values())


def models(schema: dict) -> Dict[str, dict]:
    return {m["name"]: m for m in schema["models"]}


def ordered(errors: List[dict]) -> List[dict]:
    """The error rows with every parent before its children (the bases are the bindings')."""
    done, out = {"BlinksaleError"}, []
    while len(out) < len(errors):
        for e in errors:
            if e["class"] not in done and e["parent"] in done:
                done.add(e["class"])
                out.append(e)
    return out

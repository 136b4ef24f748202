"""JUnit XML for CI systems (GitLab, Jenkins, Azure): one test case per file.

A file with findings is a failed test case listing them; a file that could not be read
is a test case with an error.
"""

from __future__ import annotations

from typing import TextIO
from xml.etree import ElementTree as ET

from lint.reporters import page_label


def _testcase(result) -> ET.Element:
    case = ET.Element("testcase", {"classname": "kommlint", "name": result.path, "file": result.path})
    if result.errors:
        error = ET.SubElement(case, "error", {"message": result.errors[0].message, "type": result.errors[0].code})
        error.text = "\n".join(f"{e.code} {e.message}" for e in result.errors)
    if result.diagnostics:
        count = len(result.diagnostics)
        failure = ET.SubElement(case, "failure", {"message": f"{count} fynd", "type": "kommlint"})
        failure.text = "\n".join(
            f"{d.path}:{d.line}:{d.column}{page_label(d)}: {d.code} [{d.severity.swedish}] {d.message}" for d in result.diagnostics
        )
    return case


def junit_tree(report) -> ET.Element:
    cases = [_testcase(result) for result in report.files]
    counts = {
        "tests": str(len(cases)),
        "failures": str(sum(1 for r in report.files if r.diagnostics)),
        "errors": str(sum(1 for r in report.files if r.errors)),
    }
    root = ET.Element("testsuites", {"name": "kommlint", **counts})
    suite = ET.SubElement(root, "testsuite", {"name": "kommlint", **counts, "skipped": "0"})
    suite.extend(cases)
    return root


def render(report, stream: TextIO, color: bool = False) -> None:
    tree = junit_tree(report)
    ET.indent(tree)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(tree, encoding="unicode"))
    stream.write("\n")

"""The posted form: multipart/form-data split into its fields, bytes kept exactly."""
from __future__ import annotations

from email.message import Message

from .work import UploadError


def parse_form(content_type: str, body: bytes) -> dict[str, tuple[str | None, bytes]]:
    """multipart/form-data → {field: (file name or None, bytes)}; the last field of a name wins."""
    head = Message()
    head["content-type"] = content_type
    boundary = head.get_param("boundary")
    if head.get_content_type() != "multipart/form-data" or not boundary:
        raise UploadError(400, "请求格式不对：应为 multipart/form-data 表单")
    fields = {}
    for part in body.split(b"--" + str(boundary).encode("latin-1"))[1:]:
        if part.startswith(b"--"):
            break
        raw, sep, data = part.partition(b"\r\n\r\n")
        if not sep:
            continue
        headers = Message()
        for line in raw.decode("utf-8", "replace").strip().split("\r\n"):
            name, _, value = line.partition(":")
            headers[name.strip()] = value.strip()
        name = headers.get_param("name", header="content-disposition")
        if name:
            filename = headers.get_param("filename", header="content-disposition")
            fields[str(name)] = (None if filename is None else str(filename),
                                 data[:-2] if data.endswith(b"\r\n") else data)
    return fields

"""The posted form: multipart/form-data split into its fields, bytes kept exactly."""
from __future__ import annotations

from email.message import Message

from .work import UploadError

# Our page sends four fields, each with two header lines. Bounds far above that keep a
# crafted body (a million empty parts, a part with a million header lines) from costing
# the server seconds of parsing before any check starts.
MAX_PARTS = 16
MAX_PART_HEAD = 8 * 1024

def parse_form(content_type: str, body: bytes) -> dict[str, tuple[str | None, bytes]]:
    """multipart/form-data → {field: (file name or None, bytes)}; the last field of a name wins."""
    head = Message()
    head["content-type"] = content_type
    boundary = head.get_param("boundary")
    if head.get_content_type() != "multipart/form-data" or not boundary:
        raise UploadError(400, "请求格式不对：应为 multipart/form-data 表单")
    try:
        delimiter = b"--" + str(boundary).encode("ascii")
    except UnicodeEncodeError:
        raise UploadError(400, "请求格式不对：表单分隔符（boundary）只能用英文字母和数字") from None
    if body.count(delimiter) > MAX_PARTS + 1:
        raise UploadError(400, f"请求格式不对：表单字段过多（最多{MAX_PARTS}个）")
    fields = {}
    for part in body.split(delimiter)[1:]:
        if part.startswith(b"--"):
            break
        raw, sep, data = part.partition(b"\r\n\r\n")
        if not sep:
            continue
        if len(raw) > MAX_PART_HEAD:
            raise UploadError(400, "请求格式不对：表单字段的说明部分过长")
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

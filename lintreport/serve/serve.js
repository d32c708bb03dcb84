// lintreport serve: send the chosen or dropped file (or the pasted text) to this computer's
// server, show the result in place, and download the fixed copy. review.js ties the marks
// in the text to the findings; here a click on a finding shows its place in the text.
(function () {
  "use strict";
  var form = document.getElementById("upload");
  var file = document.getElementById("file");
  var text = document.getElementById("text");
  var drop = document.getElementById("drop");
  var chosen = document.getElementById("chosen");
  var message = document.getElementById("message");
  var result = document.getElementById("result");
  var max = parseInt(form.getAttribute("data-max"), 10);
  var action = "check";

  function say(words, kind) {
    message.textContent = words;
    message.className = "message" + (kind ? " " + kind : "");
    message.hidden = !words;
  }
  function busy(on) {
    document.querySelectorAll("button[name=action]").forEach(function (b) { b.disabled = on; });
    document.body.classList.toggle("busy", on);
  }
  function showChosen() {
    var f = file.files[0];
    chosen.textContent = f ? "已选择：" + f.name + "（" + (f.size / 1024).toFixed(0) + " KB）" : "";
  }
  // Say what is wrong before sending anything the server would refuse anyway.
  function ready() {
    var f = file.files[0];
    if (f && f.size > max) {
      say("文件过大（" + (f.size / 1048576).toFixed(1) + " MB），上限为 " + Math.floor(max / 1048576) + " MB");
      return false;
    }
    if (!f && !text.value.trim()) {
      say("请选择报告文件，或把报告全文粘贴到文本框中");
      return false;
    }
    return true;
  }
  function post(url) {
    return fetch(url, {method: "POST", body: new FormData(form)});
  }
  function failed() {
    say("无法连接检查服务：请确认运行 lintreport serve 的窗口还开着，然后再试一次。");
  }
  function check() {
    say("正在检查……", "busy");
    busy(true);
    post("/api/check").then(function (r) {
      return r.json().then(function (j) {
        if (!r.ok) { say(j.error || "检查失败"); result.innerHTML = ""; return; }
        say("");
        result.innerHTML = j.html;
        if (location.hash) { history.replaceState(null, "", location.pathname); }
        result.scrollIntoView({block: "start"});
      });
    }).catch(failed).then(function () { busy(false); });
  }
  // kind "fix": the fixed copy; "annotate": the Word copy with every finding as a comment
  function download(kind) {
    var annotate = kind === "annotate";
    var what = annotate ? "带批注的 Word 副本" : "修正稿";
    say("正在生成" + what + "……", "busy");
    busy(true);
    post("/api/" + kind).then(function (r) {
      if (!r.ok) { return r.json().then(function (j) { say(j.error || "无法生成" + what); }); }
      var name = decodeURIComponent(r.headers.get("X-Filename") || what);
      var n = r.headers.get(annotate ? "X-Comments" : "X-Fixed") || "0";
      return r.blob().then(function (blob) {
        var a = document.createElement("a");
        a.href = URL.createObjectURL(blob);
        a.download = name;
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
        if (annotate) {
          say("已下载带批注的 Word 副本“" + name + "”，共 " + n + " 条批注（含一条总体情况）。", "ok");
        } else {
          say(n === "0" ? "没有可以自动修正的地方，已下载原文“" + name + "”。"
                        : "已下载修正稿“" + name + "”，共自动修正" + n + "处。", "ok");
        }
      });
    }).catch(failed).then(function () { busy(false); });
  }

  file.addEventListener("change", showChosen);
  ["dragenter", "dragover"].forEach(function (type) {
    drop.addEventListener(type, function (e) { e.preventDefault(); drop.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (type) {
    drop.addEventListener(type, function () { drop.classList.remove("over"); });
  });
  drop.addEventListener("drop", function (e) {
    e.preventDefault();
    if (e.dataTransfer.files.length) {
      file.files = e.dataTransfer.files;
      showChosen();
      if (ready()) { action = "check"; check(); }
    }
  });
  // Which button sent the form: the download buttons carry value="fix" or "annotate".
  document.addEventListener("click", function (e) {
    var button = e.target.closest("button[name=action]");
    if (button) { action = button.value; }
  }, true);
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var wanted = action;
    action = "check";
    if (!ready()) { return; }
    if (wanted === "fix" || wanted === "annotate") { download(wanted); } else { check(); }
  });
  // A click on a finding (not on one of its links) shows its place in the text, its marks picked out.
  result.addEventListener("click", function (e) {
    var row = e.target.closest("tr.finding");
    if (!row || e.target.closest("a")) { return; }
    var k = row.id.split("-f")[1];
    document.querySelectorAll("mark.picked").forEach(function (m) { m.classList.remove("picked"); });
    document.querySelectorAll('#result mark[data-f~="' + k + '"]').forEach(function (m) {
      m.classList.add("picked");
    });
    var line = row.querySelector("td a").getAttribute("href");
    if (location.hash === line) {     // already there: show it again all the same
      window.dispatchEvent(new HashChangeEvent("hashchange"));
    } else {
      location.hash = line.slice(1);
    }
  });
})();

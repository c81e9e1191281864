/* The rich-text editor of newsdesk: django-prose-editor's ProseMirror/Tiptap build with a German toolbar.
   One module for every place editors write (compose box, entry edit form, back office); markup comes from
   the partial core/templates/newsdesk/_rich_editor.html. The schema below produces only what
   core/html.py's nh3 allow-list keeps: p, br, strong, em, a[href], ul/ol/li, blockquote, h2/h3 and
   <figure data-image-id>; it also holds the rest of that list (tables, code, rules, sub/superscript,
   images by address, h2-h4) without toolbar buttons, so a stored body (a WordPress import, the API)
   survives a save here. Pasted Word/Docs/web HTML is parsed through this schema, so styles, classes,
   fonts and tracking attributes cannot enter. Editors appearing later (cloned templates) start by themselves. */
import {
  Blockquote, Bold, BulletList, Code, CodeBlock, Document, Dropcursor, Editor, Extension, Gapcursor, HardBreak,
  Heading, HorizontalRule, Image, Italic, Link, ListItem, Node, OrderedList, Paragraph, Strike, Subscript,
  Superscript, Table, TableCell, TableHeader, TableRow, Text, Underline, UndoRedo,
} from "../django_prose_editor/editor.js";

const csrfToken = () => (document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/) || [])[1] || "";
const fmt = (template, values) => template.replace(/%\((\w+)\)s/g, (_, key) => values[key]);
const SAFE_SCHEMES = /^(https?:|mailto:)/i;
const previews = new Map(); // image id -> {url, alt}

async function imagePreview(id) {
  if (previews.has(id)) return previews.get(id);
  const response = await fetch("/api/v1/images/" + id, { credentials: "same-origin" });
  const data = response.ok ? await response.json() : null;
  const preview = data ? { url: data.renditions.length ? data.renditions[0].url : data.url, alt: data.alt,
                           caption: data.caption, credit: data.credit } : null;
  previews.set(id, preview);
  return preview;
}

// A photo from the media library; stored as <figure data-image-id="ID"></figure>, rendered by the server.
const NewsdeskImage = Node.create({
  name: "newsdeskImage",
  group: "block",
  atom: true,
  draggable: true,
  addAttributes() {
    return { imageId: { default: null, parseHTML: (element) => element.getAttribute("data-image-id"),
                        renderHTML: (attributes) => ({ "data-image-id": attributes.imageId }) } };
  },
  parseHTML() { return [{ tag: "figure[data-image-id]" }]; },
  renderHTML({ HTMLAttributes }) { return ["figure", HTMLAttributes]; },
  addNodeView() {
    return ({ node }) => {
      const dom = document.createElement("figure");
      dom.className = "rich-editor__image";
      dom.contentEditable = "false";
      const img = document.createElement("img");
      const caption = document.createElement("figcaption");
      dom.append(img, caption);
      imagePreview(node.attrs.imageId).then((preview) => {
        if (!preview) { caption.textContent = "#" + node.attrs.imageId; return; }
        img.src = preview.url;
        img.alt = preview.alt;
        caption.textContent = [preview.caption, preview.credit ? "Foto: " + preview.credit : ""].filter(Boolean).join(" – ");
      });
      return { dom };
    };
  },
});

function toolbarState(root, editor, heading) {
  const active = {
    bold: editor.isActive("bold"), italic: editor.isActive("italic"), link: editor.isActive("link"),
    bulletList: editor.isActive("bulletList"), orderedList: editor.isActive("orderedList"),
    blockquote: editor.isActive("blockquote"), heading: editor.isActive("heading", { level: heading }),
  };
  root.querySelectorAll(".rich-editor__toolbar [data-command]").forEach((button) => {
    if (button.dataset.command in active) button.setAttribute("aria-pressed", String(active[button.dataset.command]));
  });
}

function recognisedEmbeds(root, editor) {
  if (!root.embedProviders) {
    let table = [];
    try { table = JSON.parse(root.dataset.embedProviders || "[]"); } catch (error) { table = []; }
    root.embedProviders = table.map((p) => {
      try { return { name: p.name, re: new RegExp(p.pattern, "i") }; } catch (error) { return null; }
    }).filter(Boolean);
  }
  const providers = root.embedProviders;
  const found = [];
  editor.state.doc.forEach((block) => {
    if (block.type.name !== "paragraph" || !block.childCount) return;
    const link = block.firstChild.marks.find((mark) => mark.type.name === "link");
    const text = block.textContent.trim();
    const href = link ? link.attrs.href : text;
    if (!href || !/^https?:\/\/\S+$/.test(text)) return;
    const provider = providers.find((p) => p.re.test(href));
    if (provider) found.push(provider.name);
  });
  return found;
}

function normaliseHref(raw) {
  const href = raw.trim();
  if (!href) return "";
  if (SAFE_SCHEMES.test(href)) return href;
  if (/^[\w.-]+\.[a-z]{2,}(\/|$)/i.test(href)) return "https://" + href;
  if (/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(href)) return "mailto:" + href;
  return null;
}

function openLinkDialog(root, editor) {
  const dialog = root.dialogBox.querySelector(".rich-dialog--link");
  const form = dialog.querySelector("form");
  if (editor.isActive("link")) editor.chain().extendMarkRange("link").run();
  const { from, to } = editor.state.selection;
  const selected = editor.state.doc.textBetween(from, to, " ");
  const current = editor.getAttributes("link").href || "";
  form.text.value = selected;
  form.href.value = current;
  form.querySelector("[data-remove]").hidden = !current;
  form.querySelector("[data-error]").hidden = true;
  dialog.returnValue = "";
  dialog.showModal();
  (selected ? form.href : form.text).focus();
  dialog.addEventListener("close", function onClose() {
    dialog.removeEventListener("close", onClose);
    const chain = editor.chain().focus().setTextSelection({ from, to });
    if (dialog.returnValue === "remove") { chain.extendMarkRange("link").unsetLink().run(); return; }
    if (dialog.returnValue !== "ok") { chain.run(); return; }
    const href = normaliseHref(form.href.value);
    const text = form.text.value || form.href.value;
    if (!href) { chain.run(); return; }
    if (text === selected && from !== to) {
      // The cursor goes after the new link (as in word processors), so typing on does not replace it.
      chain.setLink({ href }).setTextSelection(to).unsetMark("link").run();
    } else {
      chain.insertContentAt({ from, to }, [{ type: "text", text, marks: [{ type: "link", attrs: { href } }] }])
        .unsetMark("link").run();
    }
    editor.view.focus();
  });
}

// Checks the address before the dialog closes: a bad one keeps the dialog open with a message.
function guardLinkDialog(root) {
  const dialog = root.dialogBox.querySelector(".rich-dialog--link");
  dialog.querySelector("form").addEventListener("submit", (event) => {
    if (event.submitter && event.submitter.value === "ok" && normaliseHref(event.target.href.value) === null) {
      event.preventDefault();
      const error = event.target.querySelector("[data-error]");
      error.hidden = false;
      event.target.href.focus();
    }
  });
}

function uploadImage(root, file, fields, onProgress) {
  return new Promise((resolve, reject) => {
    const data = new FormData();
    data.append("file", file);
    Object.entries(fields).forEach(([key, value]) => data.append(key, value));
    const request = new XMLHttpRequest();
    request.open("POST", "/api/v1/images");
    request.setRequestHeader("X-CSRFToken", csrfToken());
    request.setRequestHeader("Accept", "application/json");
    request.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    });
    request.addEventListener("load", () => {
      let body = {};
      try { body = JSON.parse(request.responseText); } catch (error) { body = {}; }
      if (request.status === 201) resolve(body); else reject(new Error(body.detail || String(request.status)));
    });
    request.addEventListener("error", () => reject(new Error("network")));
    request.send(data);
  });
}

function insertImage(editor, image) {
  previews.set(String(image.id), { url: image.renditions.length ? image.renditions[0].url : image.url,
                                   alt: image.alt, caption: image.caption, credit: image.credit });
  editor.chain().focus().insertContent({ type: "newsdeskImage", attrs: { imageId: String(image.id) } }).run();
}

async function searchLibrary(dialog, editor) {
  const form = dialog.querySelector("form");
  const list = dialog.querySelector(".rich-dialog__results");
  const response = await fetch("/api/v1/images?q=" + encodeURIComponent(form.q.value), { credentials: "same-origin" });
  if (!response.ok) return;
  const images = await response.json();
  list.innerHTML = "";
  images.forEach((image) => {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "rich-dialog__pick";
    const thumb = document.createElement("img");
    thumb.src = image.renditions.length ? image.renditions[0].url : image.url;
    thumb.alt = "";
    const label = document.createElement("span");
    label.textContent = [image.caption || image.alt, image.credit ? "Foto: " + image.credit : ""].filter(Boolean).join(" – ");
    button.append(thumb, label);
    button.addEventListener("click", () => { dialog.close("picked"); insertImage(editor, image); });
    item.append(button);
    list.append(item);
  });
}

function openImageDialog(root, editor, file) {
  const dialog = root.dialogBox.querySelector(".rich-dialog--image");
  if (!dialog) return;
  const form = dialog.querySelector("form");
  const preview = dialog.querySelector(".rich-dialog__preview");
  const progress = dialog.querySelector(".rich-dialog__progress");
  const error = dialog.querySelector("[data-error]");
  form.reset();
  error.hidden = true;
  progress.hidden = true;
  let chosen = file || null;
  const showPreview = () => {
    preview.hidden = !chosen;
    if (chosen) preview.src = URL.createObjectURL(chosen);
  };
  showPreview();
  form.file.onchange = () => { chosen = form.file.files[0] || null; showPreview(); };
  form.q.oninput = () => searchLibrary(dialog, editor);
  form.onsubmit = async (event) => {
    if (!event.submitter || event.submitter.value !== "ok") return; // cancel closes the dialog
    event.preventDefault(); // stay open until the upload is done
    if (!chosen) { error.textContent = root.dataset.sUploadFailed + " " + form.file.title; error.hidden = false; return; }
    progress.hidden = false;
    try {
      const image = await uploadImage(root, chosen, { alt: form.alt.value, caption: form.caption.value,
                                                      credit: form.credit.value }, (percent) => {
        progress.value = percent;
        root.querySelector(".rich-editor__status").textContent = fmt(root.dataset.sUploading, { percent });
      });
      dialog.close("ok");
      root.querySelector(".rich-editor__status").textContent = "";
      insertImage(editor, image);
    } catch (failure) {
      error.textContent = root.dataset.sUploadFailed + " " + failure.message;
      error.hidden = false;
    }
  };
  dialog.showModal();
  (chosen ? form.alt : form.file).focus();
  searchLibrary(dialog, editor);
}

async function cleanWordPaste(editor, html) {
  // Desktop Word pastes lists as styled paragraphs: the server's cleaner (core/html.py) makes real lists.
  const response = await fetch("/api/v1/rich-text/clean", {
    method: "POST", credentials: "same-origin",
    headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken(), Accept: "application/json" },
    body: JSON.stringify({ html }),
  });
  if (!response.ok) return false;
  const data = await response.json();
  editor.chain().focus().insertContent(data.html).run();
  return true;
}

function imageFile(list) {
  return Array.from(list || []).find((file) => /^image\/(jpeg|png|webp|gif)$/.test(file.type));
}

export function createRichEditor(root) {
  if (root.richEditor) return root.richEditor;
  const textarea = root.querySelector("textarea");
  const heading = parseInt(root.dataset.heading, 10) || 3;
  const withImages = root.dataset.images === "1";
  const mount = document.createElement("div");
  mount.className = "rich-editor__area";
  textarea.after(mount);
  textarea.hidden = true;
  const label = textarea.getAttribute("aria-labelledby");
  let editor = null;
  const dialogs = root.querySelector("template.rich-editor__dialogs");
  root.dialogBox = document.createElement("div");
  root.dialogBox.className = "rich-editor__dialog-box";
  if (dialogs) root.dialogBox.append(dialogs.content.cloneNode(true));
  document.body.append(root.dialogBox);

  const Shortcuts = Extension.create({
    name: "newsdeskShortcuts",
    addKeyboardShortcuts() {
      return {
        "Mod-k": () => { openLinkDialog(root, this.editor); return true; },
        // Ctrl+Enter publishes: the form's own keydown handler submits; no hard break is inserted here.
        "Mod-Enter": () => true,
      };
    },
  });
  const extensions = [
    Document, Paragraph, Text, Bold, Italic, BulletList, OrderedList, ListItem, Blockquote,
    // The toolbar makes one level; h2-h4 already in a stored body stay what they are.
    Heading.configure({ levels: [...new Set([heading, 2, 3, 4])] }),
    // Kept, not offered: what the server's allow-list has beyond the toolbar (see the comment on top).
    Table, TableRow, TableHeader, TableCell, HorizontalRule, CodeBlock, Code, Strike, Underline, Subscript,
    Superscript, Image,
    HardBreak.extend({ addKeyboardShortcuts() { return { "Shift-Enter": () => this.editor.commands.setHardBreak() }; } }),
    // Without django-prose-editor's own (English) link dialog on Ctrl+K: ours asks for text and address.
    Link.extend({ addKeyboardShortcuts() { return {}; } }).configure({ openOnClick: false, autolink: true, linkOnPaste: true, protocols: ["mailto"],
                     HTMLAttributes: { target: null, rel: null, class: null } }),
    UndoRedo, Dropcursor, Gapcursor, Shortcuts,
  ];
  if (withImages) extensions.push(NewsdeskImage);

  editor = new Editor({
    element: mount,
    extensions,
    injectCSS: false, // its base styles are in editor.css: the CSP allows no <style> elements
    content: textarea.value,
    editorProps: {
      attributes: {
        class: "rich-editor__content", role: "textbox", "aria-multiline": "true",
        ...(label ? { "aria-labelledby": label } : {}),
        ...(textarea.id ? { id: textarea.id + "-editor" } : {}),
      },
      // Pasted web pages keep no pictures (they would load from elsewhere); photos come from the library.
      transformPastedHTML: (html) => html.replace(/<img\b[^>]*>/gi, ""),
      handlePaste(view, event) {
        const file = withImages && imageFile(event.clipboardData && event.clipboardData.files);
        if (file) { openImageDialog(root, editor, file); return true; }
        const html = event.clipboardData && event.clipboardData.getData("text/html");
        if (html && /class="?MsoListParagraph/i.test(html)) { cleanWordPaste(editor, html); return true; }
        return false;
      },
      handleDrop(view, event) {
        const file = withImages && imageFile(event.dataTransfer && event.dataTransfer.files);
        if (!file) return false;
        event.preventDefault();
        openImageDialog(root, editor, file);
        return true;
      },
    },
    onUpdate({ editor: current }) {
      const html = current.getHTML();
      textarea.value = /^<p><\/p>$/.test(html) ? "" : html;
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
      const found = recognisedEmbeds(root, current);
      const status = root.querySelector(".rich-editor__status");
      status.textContent = found.length ? fmt(root.dataset.sRecognised, { provider: found.join(", ") }) : "";
    },
    onTransaction({ editor: current }) { toolbarState(root, current, heading); },
  });

  const commands = {
    bold: () => editor.chain().focus().toggleBold().run(),
    italic: () => editor.chain().focus().toggleItalic().run(),
    link: () => openLinkDialog(root, editor),
    bulletList: () => editor.chain().focus().toggleBulletList().run(),
    orderedList: () => editor.chain().focus().toggleOrderedList().run(),
    blockquote: () => editor.chain().focus().toggleBlockquote().run(),
    heading: () => editor.chain().focus().toggleHeading({ level: heading }).run(),
    image: () => openImageDialog(root, editor, null),
    undo: () => editor.chain().focus().undo().run(),
    redo: () => editor.chain().focus().redo().run(),
  };
  root.querySelectorAll(".rich-editor__toolbar [data-command]").forEach((button) => {
    // mousedown would move the focus out of the text and lose the selection
    button.addEventListener("mousedown", (event) => event.preventDefault());
    button.addEventListener("click", () => commands[button.dataset.command]());
  });
  guardLinkDialog(root);

  // The form's "reset" and other scripts talk to the textarea; keep both in step.
  textarea.richEditor = editor;
  root.richEditor = editor;
  textarea.form && textarea.form.addEventListener("reset", () => editor.commands.clearContent(true));
  textarea.focus = () => editor.commands.focus();
  if (textarea.dataset.autofocus) editor.commands.focus("end");
  toolbarState(root, editor, heading);
  return editor;
}

function startAll(scope) {
  scope.querySelectorAll("[data-rich-editor]").forEach((root) => {
    if (!root.closest("template")) createRichEditor(root);
  });
}

new MutationObserver((records) => {
  records.forEach((record) => record.addedNodes.forEach((node) => {
    if (node.nodeType !== 1) return;
    if (node.matches("[data-rich-editor]")) createRichEditor(node); else startAll(node);
  }));
}).observe(document.body, { childList: true, subtree: true });
startAll(document);

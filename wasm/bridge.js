// Browser bridges of the ejournal client, compiled into ejournal.js with --pre-js (see
// README.md). The C++ side (main.cpp) calls Module.ejBridge; this file calls the C functions
// main.cpp exports (ej_pointer_move, ej_key, ej_text …). It handles:
//   - pointer (mouse, touch, pen) and wheel events on the canvas; a finger taps, or drags the
//     content under it (scrolling);
//   - keys: named keys (Backspace, Enter, Tab, arrows, Delete, Home, End …) and shortcuts go
//     to ImGui as key presses; printable characters come ONLY from the hidden <input> while it
//     has focus (so phone keyboards, IME composition, paste and CDP Input.insertText all work),
//     otherwise from keydown's one-character `key`;
//   - the hidden <input id="ej-text"> and <textarea id="ej-area"> themselves: one of them is
//     focused while ImGui edits a field (synchronously in the tap on a field, which phones
//     require to show their keyboard): the textarea for a multi-line field (an <input> would
//     drop the line breaks of pasted rows), the input otherwise, of type password for a
//     password field; kept at font-size 16px so iOS does not zoom;
//   - the clipboard: a paste (Ctrl+V, Shift+Insert, the browser's menu) arrives as a `paste`
//     event whose text becomes ImGui's clipboard, then ImGui pastes it (Ctrl+V) into the field
//     with its own filtering (TABs and line breaks only where the field takes them); a copy or
//     cut (Ctrl+C, Ctrl+X) runs one frame at once so ImGui hands over the selected text, which
//     the `copy` event puts on the system clipboard (navigator.clipboard as a fallback).
Module['ejBridge'] = (function () {
  'use strict';
  // The hidden input always holds this, with the caret after it: deleting it tells a phone's
  // Backspace (which sends no usable keydown, only keyCode 229) from nothing at all.
  var SENTINEL = ' ';
  var KIND_PASSWORD = 2;
  var KIND_MULTILINE = 3;
  var canvas = null;
  var input = null;         // <input id="ej-text">
  var area = null;          // <textarea id="ej-area">
  var text = null;          // the one of the two in use
  var copied = null;        // text ImGui copied during this key press, for the copy event
  // Touch: a finger that moves more than DRAG_SLOP CSS px scrolls instead of tapping; ImGui
  // scrolls 5 lines (5 × 17 px) down or 2 lines sideways for one wheel step.
  var DRAG_SLOP = 8;
  var WHEEL_PX = 85;
  var WHEEL_PX_SIDEWAYS = 34;
  var touch = null;         // the finger on the canvas: {id, x, y, lastX, lastY, dragging}
  var composing = false;
  var composed = '';        // the composition in progress, as already sent to ImGui
  var endedComposition = null;

  function sendText(s) {
    if (s) Module.ccall('ej_text', null, ['string'], [s]);
  }
  function sendKey(name, down, mods) {
    return Module.ccall('ej_key', 'number', ['string', 'number', 'number'],
                        [name, down ? 1 : 0, mods || 0]) !== 0;
  }
  function tapKey(name) {
    sendKey(name, true, 0);
    sendKey(name, false, 0);
  }
  function textFocused() {
    return document.activeElement === text;
  }
  // Chooses the element for a field kind (1 text, 2 password, 3 multi-line); a focused one
  // that is no longer right gives the focus up.
  function use(kind) {
    var next = kind === KIND_MULTILINE ? area : input;
    if (next !== text) {
      if (textFocused()) text.blur();
      text = next;
    }
  }
  function resetText() {
    text.value = SENTINEL;
    try {
      text.setSelectionRange(SENTINEL.length, SENTINEL.length);
    } catch (e) { /* some input types have no selection */ }
  }
  function setType(kind) {
    use(kind);
    if (text === area) return;
    var type = kind === KIND_PASSWORD ? 'password' : 'text';
    if (text.type !== type) text.type = type;
  }
  // Focus inside a user gesture (a tap): phones show the keyboard only then. A focused input
  // whose keyboard was dismissed needs a blur first for the keyboard to come back.
  function focusInGesture(kind, touch) {
    setType(kind);
    if (touch && textFocused()) text.blur();
    if (!textFocused()) text.focus({preventScroll: true});
    resetText();
  }

  // ---- Composition (IME, phone keyboards' word suggestions): sent as it changes ----
  function updateComposition(next) {
    var a = Array.from(composed);
    var b = Array.from(next);
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    for (var k = i; k < a.length; k++) tapKey('Backspace');
    sendText(b.slice(i).join(''));
    composed = next;
  }

  function onInput(e) {
    if (composing || e.isComposing) return;  // compositionupdate carries it
    if (endedComposition !== null) {
      // Safari sends the committed composition once more after compositionend.
      var ended = endedComposition;
      endedComposition = null;
      if (e.inputType === 'insertFromComposition' || e.data === ended) {
        resetText();
        return;
      }
    }
    var type = e.inputType || '';
    var value = text.value;
    if (type === 'insertLineBreak' || type === 'insertParagraph') {
      tapKey('Enter');
    } else if (type.lastIndexOf('delete', 0) === 0) {
      tapKey(type.indexOf('Forward') >= 0 ? 'Delete' : 'Backspace');
    } else if (value.lastIndexOf(SENTINEL, 0) === 0) {
      sendText(value.slice(SENTINEL.length));
    } else if (value.length < SENTINEL.length) {
      tapKey('Backspace');
    } else {
      sendText(value);
    }
    resetText();
  }

  function onPaste(e) {
    var data = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
    e.preventDefault();  // the hidden element keeps its sentinel; ImGui gets the text
    if (data) Module.ccall('ej_paste', null, ['string'], [data]);
  }
  function onCopy(e) {
    if (copied !== null && e.clipboardData) {
      e.clipboardData.setData('text/plain', copied);
      copied = null;
    }
    e.preventDefault();  // a cut must not delete the sentinel
  }

  function onKey(e, down) {
    if (e.isComposing || e.keyCode === 229) return;  // the input events carry it
    var mods = (e.ctrlKey ? 1 : 0) | (e.shiftKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0);
    var shortcut = e.ctrlKey || e.metaKey;
    var name = e.key || '';
    // Shortcuts by the physical key, so Ctrl+A works with a Russian layout.
    if (shortcut && /^Key[A-Z]$/.test(e.code || '')) name = e.code.slice(3).toLowerCase();
    if (shortcut && name === 'v') return;  // paste: the browser fires `paste` on the hidden input
    if (shortcut && down && (name === 'c' || name === 'x') && textFocused()) {
      // ImGui copies in a frame: run it now, so the browser's copy event (the default action
      // of this key press, not prevented) finds the text.
      copied = null;
      sendKey(name, down, mods);
      Module._ej_frame_now();
      return;
    }
    if (name.length > 1 || shortcut) {
      if (sendKey(name, down, mods)) e.preventDefault();
      return;
    }
    if (textFocused()) return;  // the character arrives through the input event
    if (down && !e.altKey) {
      sendText(name);
      e.preventDefault();
    }
  }

  // ---- Pointer ----
  function point(e) {
    var r = canvas.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  }
  function button(e) {
    return e.button === 1 ? 2 : e.button === 2 ? 1 : e.button;  // DOM -> ImGui order
  }
  function move(e) {
    var p = point(e);
    Module._ej_pointer_move(p[0], p[1]);
    return p;
  }

  return {
    install: function () {
      canvas = Module.canvas;
      input = document.getElementById('ej-text');
      area = document.getElementById('ej-area');
      text = input;
      resetText();

      // A finger either taps (press and release sent together when it lifts) or drags the
      // content under it (sent as the wheel); a mouse or a pen presses at once.
      canvas.addEventListener('pointerdown', function (e) {
        move(e);
        if (e.pointerType === 'touch') {
          touch = {id: e.pointerId, x: e.clientX, y: e.clientY, lastX: e.clientX, lastY: e.clientY, dragging: false};
        } else {
          Module._ej_pointer_button(button(e), 1);
        }
        try { canvas.setPointerCapture(e.pointerId); } catch (x) { /* not capturable */ }
        e.preventDefault();
      });
      canvas.addEventListener('pointermove', function (e) {
        if (!touch || e.pointerId !== touch.id) {
          if (e.pointerType !== 'touch') move(e);
          return;
        }
        if (!touch.dragging && Math.abs(e.clientX - touch.x) + Math.abs(e.clientY - touch.y) > DRAG_SLOP) {
          touch.dragging = true;
        }
        if (touch.dragging) {
          // The content follows the finger: the wheel over the point where the drag began.
          Module._ej_wheel((e.clientX - touch.lastX) / WHEEL_PX_SIDEWAYS, (e.clientY - touch.lastY) / WHEEL_PX);
          touch.lastX = e.clientX;
          touch.lastY = e.clientY;
        }
      });
      canvas.addEventListener('pointerup', function (e) {
        var p = point(e);
        if (touch && e.pointerId === touch.id) {
          var tap = !touch.dragging;
          touch = null;
          if (tap) {
            Module._ej_pointer_move(p[0], p[1]);
            Module._ej_pointer_button(0, 1);
            Module._ej_pointer_button(0, 0);
          }
        } else {
          move(e);
          Module._ej_pointer_button(button(e), 0);
        }
        var kind = Module._ej_input_at(p[0], p[1]);
        if (kind && e.pointerType !== 'touch') focusInGesture(kind, false);
        if (kind && e.pointerType === 'touch' && tap) focusInGesture(kind, true);
        // A finger leaves no hover behind.
        if (e.pointerType !== 'mouse') Module._ej_pointer_move(-1e30, -1e30);
      });
      canvas.addEventListener('pointercancel', function (e) {
        if (touch && e.pointerId === touch.id) touch = null;
        else Module._ej_pointer_button(button(e), 0);
        Module._ej_pointer_move(-1e30, -1e30);
      });
      // Keep the focus in the hidden input when the canvas is clicked.
      canvas.addEventListener('mousedown', function (e) { e.preventDefault(); });
      canvas.addEventListener('contextmenu', function (e) { e.preventDefault(); });
      canvas.addEventListener('wheel', function (e) {
        var k = e.deltaMode === 1 ? 1 / 3 : e.deltaMode === 2 ? 3 : 1 / 100;
        Module._ej_wheel(-e.deltaX * k, -e.deltaY * k);
        e.preventDefault();
      }, {passive: false});

      window.addEventListener('keydown', function (e) { onKey(e, true); });
      window.addEventListener('keyup', function (e) { onKey(e, false); });
      [input, area].forEach(function (el) {
        el.addEventListener('input', onInput);
        el.addEventListener('paste', onPaste);
        el.addEventListener('copy', onCopy);
        el.addEventListener('cut', onCopy);
        el.addEventListener('compositionstart', function () {
          composing = true;
          composed = '';
        });
        el.addEventListener('compositionupdate', function (e) { updateComposition(e.data || ''); });
        el.addEventListener('compositionend', function (e) {
          updateComposition(e.data || '');
          composing = false;
          composed = '';
          endedComposition = e.data || '';
          resetText();
        });
      });
      window.addEventListener('blur', function () { Module._ej_blur(); });
      window.addEventListener('resize', function () { Module._ej_wake(); });
      document.addEventListener('visibilitychange', function () { Module._ej_wake(); });
    },

    // Called after each frame in which the edited field changed: 0 none, 1 text, 2 password,
    // 3 multi-line.
    setTextInput: function (kind, x, y, w, h) {
      if (kind === 0) {
        if (textFocused()) text.blur();
        return;
      }
      setType(kind);
      // Over the field, so a phone scrolls the right place into view above its keyboard.
      text.style.left = x + 'px';
      text.style.top = y + 'px';
      text.style.width = w + 'px';
      text.style.height = h + 'px';
      if (!textFocused()) {
        text.focus({preventScroll: true});
        resetText();
      }
    },

    // ImGui copied or cut text (io.SetClipboardTextFn): kept for the copy event of the key
    // press in progress, and written through the asynchronous clipboard API as well (which
    // browsers allow right after a key press).
    copy: function (s) {
      copied = s;
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(s).catch(function () {});
      }
    },

    firstFrame: function () {
      var loading = document.getElementById('loading');
      if (loading) loading.style.display = 'none';
    },

    fail: function (what) {
      var loading = document.getElementById('loading');
      if (!loading) return;
      loading.style.display = '';
      loading.textContent = what === 'WebGL2'
        ? 'Браузер не поддерживает WebGL 2. Обновите браузер, чтобы работать с журналом.'
        : 'Не удалось запустить журнал. Обновите страницу.';
    },
  };
})();

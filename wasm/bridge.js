// Browser bridges of the ejournal client, compiled into ejournal.js with --pre-js (see
// README.md). The C++ side (main.cpp) calls Module.ejBridge; this file calls the C functions
// main.cpp exports (ej_pointer_move, ej_key, ej_text …). It handles:
//   - pointer (mouse, touch, pen) and wheel events on the canvas;
//   - keys: named keys (Backspace, Enter, Tab, arrows, Delete, Home, End …) and shortcuts go
//     to ImGui as key presses; printable characters come ONLY from the hidden <input> while it
//     has focus (so phone keyboards, IME composition, paste and CDP Input.insertText all work),
//     otherwise from keydown's one-character `key`;
//   - the hidden <input id="ej-text"> itself: focused while ImGui edits a field (synchronously
//     in the tap on a field, which phones require to show their keyboard), of type password
//     for a password field, kept at font-size 16px so iOS does not zoom.
Module['ejBridge'] = (function () {
  'use strict';
  // The hidden input always holds this, with the caret after it: deleting it tells a phone's
  // Backspace (which sends no usable keydown, only keyCode 229) from nothing at all.
  var SENTINEL = ' ';
  var canvas = null;
  var text = null;
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
  function resetText() {
    text.value = SENTINEL;
    try {
      text.setSelectionRange(SENTINEL.length, SENTINEL.length);
    } catch (e) { /* some input types have no selection */ }
  }
  function setType(kind) {
    var type = kind === 2 ? 'password' : 'text';
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

  function onKey(e, down) {
    if (e.isComposing || e.keyCode === 229) return;  // the input events carry it
    var mods = (e.ctrlKey ? 1 : 0) | (e.shiftKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0);
    var shortcut = e.ctrlKey || e.metaKey;
    var name = e.key || '';
    // Shortcuts by the physical key, so Ctrl+A works with a Russian layout.
    if (shortcut && /^Key[A-Z]$/.test(e.code || '')) name = e.code.slice(3).toLowerCase();
    if (shortcut && name === 'v') return;  // paste: the browser pastes into the hidden input
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
      text = document.getElementById('ej-text');
      resetText();

      canvas.addEventListener('pointerdown', function (e) {
        move(e);
        Module._ej_pointer_button(button(e), 1);
        try { canvas.setPointerCapture(e.pointerId); } catch (x) { /* not capturable */ }
        e.preventDefault();
      });
      canvas.addEventListener('pointermove', function (e) { move(e); });
      canvas.addEventListener('pointerup', function (e) {
        var p = move(e);
        Module._ej_pointer_button(button(e), 0);
        var kind = Module._ej_input_at(p[0], p[1]);
        if (kind) focusInGesture(kind, e.pointerType === 'touch');
        // A finger leaves no hover behind.
        if (e.pointerType !== 'mouse') Module._ej_pointer_move(-1e30, -1e30);
      });
      canvas.addEventListener('pointercancel', function (e) {
        Module._ej_pointer_button(button(e), 0);
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
      text.addEventListener('input', onInput);
      text.addEventListener('compositionstart', function () {
        composing = true;
        composed = '';
      });
      text.addEventListener('compositionupdate', function (e) { updateComposition(e.data || ''); });
      text.addEventListener('compositionend', function (e) {
        updateComposition(e.data || '');
        composing = false;
        composed = '';
        endedComposition = e.data || '';
        resetText();
      });
      window.addEventListener('blur', function () { Module._ej_blur(); });
      window.addEventListener('resize', function () { Module._ej_wake(); });
      document.addEventListener('visibilitychange', function () { Module._ej_wake(); });
    },

    // Called after each frame in which the edited field changed: 0 none, 1 text, 2 password.
    setTextInput: function (kind, x, y, w, h) {
      if (kind === 0) {
        if (textFocused()) text.blur();
        return;
      }
      // Over the field, so a phone scrolls the right place into view above its keyboard.
      text.style.left = x + 'px';
      text.style.top = y + 'px';
      text.style.width = w + 'px';
      text.style.height = h + 'px';
      setType(kind);
      if (!textFocused()) {
        text.focus({preventScroll: true});
        resetText();
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

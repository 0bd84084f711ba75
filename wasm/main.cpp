// The browser platform layer: the Emscripten main loop, a WebGL2 context drawn by ImGui's
// OpenGL3 backend, the canvas kept at CSS size × devicePixelRatio, input from bridge.js
// (pointer, wheel, keys, a hidden <input> for text) fed through web::InputQueue, and the test
// seam published to the page (?test=1: window.__ejWidgets and the console marker EJ_READY).
//
// [SECTION] JS side (EM_JS)
// [SECTION] State
// [SECTION] Exports for bridge.js
// [SECTION] Frame
// [SECTION] main
#include <emscripten.h>
#include <emscripten/html5.h>
#include <GLES3/gl3.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>

#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include "app.h"
#include "input.h"
#include "theme.h"
#include "storage_idb.h"
#include "unlock_webcrypto.h"
#include "transport_fetch.h"
#include "ui.h"

// [SECTION] JS side (EM_JS)

EM_JS(int, ej_js_test_mode, (), {
  return new URLSearchParams(window.location.search).get('test') === '1' ? 1 : 0;
});

EM_JS(void, ej_js_publish_widgets, (const char* json), {
  window.__ejWidgets = JSON.parse(UTF8ToString(json));
});

EM_JS(void, ej_js_announce_ready, (), {
  console.log('EJ_READY');
});

EM_JS(void, ej_js_first_frame, (), {
  Module.ejBridge.firstFrame();
});

EM_JS(void, ej_js_text_input, (int kind, float x, float y, float w, float h), {
  Module.ejBridge.setTextInput(kind, x, y, w, h);
});

EM_JS(void, ej_js_set_cursor, (const char* css), {
  Module.canvas.style.cursor = UTF8ToString(css);
});

EM_JS(void, ej_js_copy, (const char* text), {
  Module.ejBridge.copy(UTF8ToString(text));
});

EM_JS(void, ej_js_install_bridge, (), {
  Module.ejBridge.install();
});

// [SECTION] State

namespace {

constexpr const char* kCanvas = "#canvas";
constexpr const char* kFontDir = "/fonts";  // --preload-file puts the subset fonts here
constexpr int kFramesAfterEvent = 4;        // ImGui needs a few frames to settle after input
constexpr double kIdleRedrawSeconds = 0.5;  // redraw this often anyway (timers on screen)

struct Client {
  std::unique_ptr<ej::wasm::FetchTransport> transport;
  std::unique_ptr<ej::web::App> app;
  ej::web::InputQueue input;
  EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
  double pixel_ratio = 0;
  int fb_w = 0, fb_h = 0;
  double last_frame = 0;
  int frames_to_draw = kFramesAfterEvent;
  bool first_frame_drawn = false;
  bool test_mode = false;
  bool ready_announced = false;
  std::string published;  // the widget JSON last given to the page
  int text_kind = 0;      // the text field being edited, as last told to bridge.js
  ImVec4 text_rect;
  int cursor = -2;
  std::string clipboard;
};

Client* g_client = nullptr;

void Frame();

void Wake() {
  if (g_client) g_client->frames_to_draw = std::max(g_client->frames_to_draw, kFramesAfterEvent);
}

ej::web::Modifiers ModifiersFrom(int mods) {
  ej::web::Modifiers m;
  m.ctrl = (mods & 1) != 0;
  m.shift = (mods & 2) != 0;
  m.alt = (mods & 4) != 0;
  m.super = (mods & 8) != 0;
  return m;
}

}  // namespace

// [SECTION] Exports for bridge.js

extern "C" {

EMSCRIPTEN_KEEPALIVE void ej_pointer_move(float x, float y) {
  g_client->input.MouseMove(x, y);
  Wake();
}

EMSCRIPTEN_KEEPALIVE void ej_pointer_button(int button, int down) {
  g_client->input.MouseButton(button, down != 0);
  Wake();
}

EMSCRIPTEN_KEEPALIVE void ej_wheel(float dx, float dy) {
  g_client->input.MouseWheel(dx, dy);
  Wake();
}

// A key that ImGui handles (Backspace, arrows, Enter, Tab, Ctrl+A …): returns 1 if queued, so
// the page stops the browser's own action.
EMSCRIPTEN_KEEPALIVE int ej_key(const char* dom_key, int down, int mods) {
  auto key = ej::web::KeyFromDomKey(dom_key);
  Wake();
  if (!key) {
    g_client->input.SetModifiers(ModifiersFrom(mods));
    return 0;
  }
  g_client->input.Key(*key, down != 0, ModifiersFrom(mods));
  return 1;
}

EMSCRIPTEN_KEEPALIVE void ej_text(const char* utf8) {
  g_client->input.Text(utf8);
  Wake();
}

// The kind of text field for the hidden element: 0 none, 1 text, 2 password, 3 multi-line.
int FieldKind(const ej::ui::Widget* w) {
  if (w == nullptr) return 0;
  if (w->password) return 2;
  return w->multiline ? 3 : 1;
}

// The field at this point of the last frame (see FieldKind).
EMSCRIPTEN_KEEPALIVE int ej_input_at(float x, float y) { return FieldKind(ej::ui::InputAt(x, y)); }

// A paste: the text becomes ImGui's clipboard and ImGui pastes it (Ctrl+V) into the field
// being edited, filtering it as the field requires.
EMSCRIPTEN_KEEPALIVE void ej_paste(const char* utf8) {
  g_client->clipboard = utf8;
  ej::web::Modifiers ctrl;
  ctrl.ctrl = true;
  g_client->input.Key(ImGuiKey_V, true, ctrl);
  g_client->input.Key(ImGuiKey_V, false, ctrl);
  g_client->input.SetModifiers(ej::web::Modifiers());
  Wake();
}

// Runs a frame now (inside a key press: ImGui copies the selection before the browser's
// copy event is fired).
EMSCRIPTEN_KEEPALIVE void ej_frame_now() {
  Wake();
  Frame();
}

EMSCRIPTEN_KEEPALIVE void ej_blur() {
  g_client->input.ReleaseAll();
  Wake();
}

EMSCRIPTEN_KEEPALIVE void ej_wake() { Wake(); }

}  // extern "C"

// [SECTION] Frame

namespace {

void LoadFonts(float pixel_ratio) {
  ImGuiIO& io = ImGui::GetIO();
  ej::theme::LoadFonts(io, kFontDir, pixel_ratio);
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
}

const char* CssCursor(ImGuiMouseCursor cursor) {
  switch (cursor) {
    case ImGuiMouseCursor_None: return "none";
    case ImGuiMouseCursor_TextInput: return "text";
    case ImGuiMouseCursor_Hand: return "pointer";
    case ImGuiMouseCursor_ResizeAll: return "move";
    case ImGuiMouseCursor_ResizeNS: return "ns-resize";
    case ImGuiMouseCursor_ResizeEW: return "ew-resize";
    case ImGuiMouseCursor_ResizeNESW: return "nesw-resize";
    case ImGuiMouseCursor_ResizeNWSE: return "nwse-resize";
    case ImGuiMouseCursor_NotAllowed: return "not-allowed";
    default: return "default";
  }
}

bool AnythingHeld(const ImGuiIO& io) {
  for (bool down : io.MouseDown) {
    if (down) return true;
  }
  for (bool down : io.KeysDown) {
    if (down) return true;
  }
  return false;
}

// Tells bridge.js which field is being edited, so its hidden <input> follows.
void UpdateTextInput() {
  const ej::ui::Widget* field = ej::ui::FocusedInput();
  int kind = FieldKind(field);
  ImVec4 rect = field ? ImVec4(field->x, field->y, field->w, field->h) : ImVec4();
  Client& c = *g_client;
  if (kind == c.text_kind && rect.x == c.text_rect.x && rect.y == c.text_rect.y &&
      rect.z == c.text_rect.z && rect.w == c.text_rect.w) {
    return;
  }
  c.text_kind = kind;
  c.text_rect = rect;
  ej_js_text_input(kind, rect.x, rect.y, rect.z, rect.w);
}

void Frame() {
  Client& c = *g_client;
  ImGuiIO& io = ImGui::GetIO();

  // The canvas: CSS size × devicePixelRatio device pixels, following the window.
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size(kCanvas, &css_w, &css_h);
  double ratio = emscripten_get_device_pixel_ratio();
  if (css_w < 1 || css_h < 1 || ratio <= 0) return;
  int fb_w = static_cast<int>(std::lround(css_w * ratio));
  int fb_h = static_cast<int>(std::lround(css_h * ratio));
  if (fb_w != c.fb_w || fb_h != c.fb_h) {
    emscripten_set_canvas_element_size(kCanvas, fb_w, fb_h);
    c.fb_w = fb_w;
    c.fb_h = fb_h;
    Wake();
  }
  if (ratio != c.pixel_ratio) {
    c.pixel_ratio = ratio;
    LoadFonts(static_cast<float>(ratio));
    Wake();
  }

  double now = emscripten_get_now() / 1000.0;
  bool idle = c.frames_to_draw <= 0 && c.input.empty() && !AnythingHeld(io) &&
              now - c.last_frame < kIdleRedrawSeconds;
  if (idle) return;  // the canvas keeps the last frame
  if (c.frames_to_draw > 0) --c.frames_to_draw;

  io.DisplaySize = ImVec2(static_cast<float>(css_w), static_cast<float>(css_h));
  io.DisplayFramebufferScale =
      ImVec2(static_cast<float>(fb_w / css_w), static_cast<float>(fb_h / css_h));
  io.DeltaTime = c.last_frame > 0 ? static_cast<float>(std::max(now - c.last_frame, 1e-4)) : 1.0f / 60;
  c.last_frame = now;
  c.input.Apply(io);

  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
  c.app->Frame();
  ImGui::Render();

  glViewport(0, 0, fb_w, fb_h);
  ImVec4 bg = ImGui::ColorConvertU32ToFloat4(ej::theme::kBackground);
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

  if (!c.first_frame_drawn) {
    c.first_frame_drawn = true;
    ej_js_first_frame();
  }
  UpdateTextInput();
  ImGuiMouseCursor cursor = ImGui::GetMouseCursor();
  if (cursor != c.cursor) {
    c.cursor = cursor;
    ej_js_set_cursor(CssCursor(cursor));
  }
  if (c.test_mode) {
    std::string json = ej::ui::WidgetsJson();
    if (json != c.published) {
      c.published = std::move(json);
      ej_js_publish_widgets(c.published.c_str());
    }
    if (!c.ready_announced && c.app->ready()) {
      c.ready_announced = true;
      ej_js_announce_ready();
    }
  }
}

const char* GetClipboard(void*) { return g_client->clipboard.c_str(); }

void SetClipboard(void*, const char* text) {
  g_client->clipboard = text;
  ej_js_copy(text);
}

}  // namespace

// [SECTION] main

int main() {
  g_client = new Client();
  Client& c = *g_client;
  c.test_mode = ej_js_test_mode() != 0;

  EmscriptenWebGLContextAttributes attrs;
  emscripten_webgl_init_context_attributes(&attrs);
  attrs.majorVersion = 2;
  attrs.minorVersion = 0;
  attrs.alpha = EM_FALSE;
  attrs.depth = EM_FALSE;
  attrs.stencil = EM_FALSE;
  attrs.antialias = EM_FALSE;
  attrs.premultipliedAlpha = EM_FALSE;
  c.gl = emscripten_webgl_create_context(kCanvas, &attrs);
  if (c.gl <= 0) {
    EM_ASM({ Module.ejBridge.fail('WebGL2'); });
    return 1;
  }
  emscripten_webgl_make_context_current(c.gl);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  ej::theme::ConfigureIo(io);
  ej::theme::Apply(ImGui::GetStyle());
  io.BackendPlatformName = "ejournal_wasm";
  io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
  io.GetClipboardTextFn = GetClipboard;
  io.SetClipboardTextFn = SetClipboard;
  // Fonts for the current density; the backend makes their texture on its first frame.
  c.pixel_ratio = emscripten_get_device_pixel_ratio();
  ej::theme::LoadFonts(io, kFontDir, static_cast<float>(c.pixel_ratio));
  ImGui_ImplOpenGL3_Init("#version 300 es");

  // The local store (offline work): IndexedDB, read before main() by storage.js.
  ej::wasm::InstallDeviceStorage(c.test_mode);
  ej::wasm::InstallKeyDerivation(Wake);  // the offline start's password check
  c.transport = std::make_unique<ej::wasm::FetchTransport>(Wake);
  c.app = std::make_unique<ej::web::App>(*c.transport);
  ej_js_install_bridge();
  c.app->Start();
  emscripten_set_main_loop(Frame, 0, true);
  return 0;
}

// A MapLibre custom layer that draws a large point layer's thematic classes on the GPU:
// positions are uploaded once, each restyle uploads one class byte per feature and a 256-entry
// palette (colour, and radius for graduated circles), and the next frame draws them. MapLibre's
// own circles for the layer stay in the style, invisible, for clicks, hover and queries.
// Points are GL points: instanced quads (which would not vanish whole when their centre leaves
// the view) took SwiftShader 1.4–1.9 s a frame for 100,000 points, against about 140 ms.
import type { CustomLayerInterface, CustomRenderMethodInput, Map as MlMap } from 'maplibre-gl';
import type { PointPositions } from '../../lib/mercatorPoints';
import type { ClassPalette } from '../../lib/thematic/featureClasses';
import { interpolateStops, pointMatrix } from './matrix';
import { PALETTE_WIDTH, paletteTexels } from './paletteTexels';

const VERTEX = `#version 300 es
in vec2 a_pos;
in uint a_class;
uniform mat4 u_matrix;
uniform sampler2D u_palette;
uniform float u_radius;
uniform float u_radii;
uniform float u_stroke;
uniform float u_dpr;
uniform int u_selected;
uniform int u_hovered;
out vec4 v_color;
out float v_r;
out float v_half;
out float v_stroke;
void main() {
  if (a_class == 255u) { gl_Position = vec4(2.0, 2.0, 2.0, 1.0); gl_PointSize = 0.0; return; }
  v_color = texelFetch(u_palette, ivec2(int(a_class), 0), 0);
  float r = u_radii > 0.5 ? texelFetch(u_palette, ivec2(int(a_class), 1), 0).r * 255.0 / 4.0 : u_radius;
  // The selected and the hovered feature: a wider rim, at every zoom.
  bool sel = gl_VertexID == u_selected;
  bool hov = gl_VertexID == u_hovered;
  v_stroke = sel ? 2.5 : hov ? 2.0 : u_stroke;
  if (sel || hov) r = max(r, 4.0);
  v_r = (r + v_stroke) * u_dpr;
  v_half = v_r + 0.5;
  gl_PointSize = 2.0 * v_half;
  gl_Position = u_matrix * vec4(a_pos, 0.0, 1.0);
}`;

const FRAGMENT = `#version 300 es
precision highp float;
in vec4 v_color;
in float v_r;
in float v_half;
in float v_stroke;
uniform float u_opacity;
uniform float u_dpr;
out vec4 fragColor;
void main() {
  float d = length((gl_PointCoord - 0.5) * 2.0 * v_half);
  float a = clamp(v_r - d + 0.5, 0.0, 1.0) * u_opacity;
  if (a <= 0.0) discard;
  // A white rim of v_stroke px (street zoom, as MapLibre's circles have; wider when selected).
  float rim = v_stroke > 0.0 ? clamp(d - (v_r - v_stroke * u_dpr) + 0.5, 0.0, 1.0) : 0.0;
  vec3 c = mix(v_color.rgb, vec3(1.0), rim);
  fragColor = vec4(c * a, a);
}`;

export interface GpuPointsStyle {
  /** Radius by zoom (px) when the palette has no radii. */
  radiusStops: readonly (readonly [number, number])[];
  opacity: number;
  /** Stroke width (px) from this zoom on. */
  strokeMinZoom: number;
  visible: boolean;
}

function compile(gl: WebGL2RenderingContext, type: number, src: string): WebGLShader {
  const s = gl.createShader(type)!;
  gl.shaderSource(s, src);
  gl.compileShader(s);
  if (!gl.getShaderParameter(s, gl.COMPILE_STATUS)) throw new Error(`GPU points shader: ${gl.getShaderInfoLog(s)}`);
  return s;
}

export class GpuPointsLayer implements CustomLayerInterface {
  readonly type = 'custom' as const;
  readonly renderingMode = '2d' as const;
  private map: MlMap | null = null;
  private program: WebGLProgram | null = null;
  private vao: WebGLVertexArrayObject | null = null;
  private posBuf: WebGLBuffer | null = null;
  private classBuf: WebGLBuffer | null = null;
  private palette: WebGLTexture | null = null;
  private loc: Record<string, WebGLUniformLocation | null> = {};
  private positions: PointPositions | null = null;
  private classes: Uint8Array | null = null;
  private pal: ClassPalette | null = null;
  private dirty = { pos: false, classes: false, palette: false };
  /** Key of the classes last handed in, and of the classes last drawn (measurements and tests read it). */
  private selected = -1;
  private hovered = -1;
  classesKey = '';
  /** When (performance.now()) the classes last changed. */
  classesAt = 0;
  drawnKey = '';
  drawnAt = 0;
  /** Called when the layer first has everything it needs to draw. */
  onDrawable: (() => void) | null = null;
  /** Called when the layer cannot be made on this device (then it never draws). */
  onFailed: ((e: unknown) => void) | null = null;
  failed = false;

  constructor(readonly id: string, private style: GpuPointsStyle) {}

  /** The layer's positions (once; uploaded at the next frame, before any classes come). */
  setPositions(positions: PointPositions): void {
    if (positions === this.positions) return;
    const was = this.ready;
    this.positions = positions;
    this.dirty.pos = true;
    this.map?.triggerRepaint();
    if (!was && this.ready) this.onDrawable?.();
  }

  /** The class byte of every feature and the palette, under the key of the style they belong to. */
  setClasses(classes: Uint8Array, palette: ClassPalette, key: string): void {
    if (classes === this.classes && palette === this.pal && key === this.classesKey) return;
    const was = this.ready;
    if (classes !== this.classes) {
      this.classes = classes;
      this.dirty.classes = true;
    }
    if (palette !== this.pal) {
      this.pal = palette;
      this.dirty.palette = true;
    }
    if (key !== this.classesKey) this.classesAt = performance.now();
    this.classesKey = key;
    this.map?.triggerRepaint();
    if (!was && this.ready) this.onDrawable?.();
  }

  /** No classes (the layer has no GPU-drawn style now): nothing is drawn until new ones come. */
  clearClasses(): void {
    if (!this.classes) return;
    this.classes = null;
    this.pal = null;
    this.classesKey = '';
    this.map?.triggerRepaint();
  }

  /** The selected or hovered feature's index (drawn larger, with a wide white rim), or null. */
  setHighlight(index: number | null, which: 'selected' | 'hovered' = 'selected'): void {
    const i = index ?? -1;
    if (i === this[which]) return;
    this[which] = i;
    this.map?.triggerRepaint();
  }

  setStyle(style: GpuPointsStyle): void {
    const o = this.style;
    const same = o.opacity === style.opacity && o.visible === style.visible && o.strokeMinZoom === style.strokeMinZoom && JSON.stringify(o.radiusStops) === JSON.stringify(style.radiusStops);
    this.style = style;
    // A frame of 100,000 points is not free: only a change to what is drawn redraws.
    if (!same && this.ready) this.map?.triggerRepaint();
  }

  /** Whether positions and classes of the same length are in hand. */
  get ready(): boolean {
    return !this.failed && !!this.positions && !!this.classes && this.classes.length === this.positions.count;
  }

  onAdd(map: MlMap, gl: WebGL2RenderingContext): void {
    this.map = map;
    try {
      this.build(gl);
    } catch (e) {
      this.failed = true;
      this.onFailed?.(e);
    }
  }

  private build(gl: WebGL2RenderingContext): void {
    const p = gl.createProgram()!;
    gl.attachShader(p, compile(gl, gl.VERTEX_SHADER, VERTEX));
    gl.attachShader(p, compile(gl, gl.FRAGMENT_SHADER, FRAGMENT));
    gl.bindAttribLocation(p, 0, 'a_pos');
    gl.bindAttribLocation(p, 1, 'a_class');
    gl.linkProgram(p);
    if (!gl.getProgramParameter(p, gl.LINK_STATUS)) throw new Error(`GPU points program: ${gl.getProgramInfoLog(p)}`);
    this.program = p;
    for (const u of ['u_matrix', 'u_palette', 'u_radius', 'u_radii', 'u_stroke', 'u_dpr', 'u_opacity', 'u_selected', 'u_hovered']) this.loc[u] = gl.getUniformLocation(p, u);
    this.posBuf = gl.createBuffer();
    this.classBuf = gl.createBuffer();
    this.vao = gl.createVertexArray();
    gl.bindVertexArray(this.vao);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.posBuf);
    gl.enableVertexAttribArray(0);
    gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 0, 0);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.classBuf);
    gl.enableVertexAttribArray(1);
    gl.vertexAttribIPointer(1, 1, gl.UNSIGNED_BYTE, 0, 0);
    gl.bindVertexArray(null);
    this.palette = gl.createTexture();
    this.dirty = { pos: true, classes: true, palette: true };
  }

  onRemove(_map: MlMap, gl: WebGL2RenderingContext): void {
    gl.deleteProgram(this.program);
    gl.deleteBuffer(this.posBuf);
    gl.deleteBuffer(this.classBuf);
    gl.deleteVertexArray(this.vao);
    gl.deleteTexture(this.palette);
    this.map = null;
  }

  private upload(gl: WebGL2RenderingContext): void {
    if (this.dirty.pos && this.positions) {
      gl.bindBuffer(gl.ARRAY_BUFFER, this.posBuf);
      gl.bufferData(gl.ARRAY_BUFFER, this.positions.xy, gl.STATIC_DRAW);
      this.dirty.pos = false;
    }
    if (this.dirty.classes && this.classes) {
      gl.bindBuffer(gl.ARRAY_BUFFER, this.classBuf);
      gl.bufferData(gl.ARRAY_BUFFER, this.classes, gl.DYNAMIC_DRAW);
      this.dirty.classes = false;
    }
    if (this.dirty.palette && this.pal) {
      gl.activeTexture(gl.TEXTURE0);
      gl.bindTexture(gl.TEXTURE_2D, this.palette);
      gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
      gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA8, PALETTE_WIDTH, 2, 0, gl.RGBA, gl.UNSIGNED_BYTE, paletteTexels(this.pal));
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
      this.dirty.palette = false;
    }
  }

  render(gl: WebGL2RenderingContext, args: CustomRenderMethodInput): void {
    const map = this.map;
    if (!map || this.failed || !this.program) return;
    // Positions go up as soon as they are in hand, so the first restyle only sends class bytes.
    this.upload(gl);
    if (!this.style.visible || !this.ready || !this.positions) return;
    const zoom = map.getZoom();
    const dpr = map.getPixelRatio();
    gl.useProgram(this.program);
    gl.uniformMatrix4fv(this.loc.u_matrix, false, pointMatrix(args.modelViewProjectionMatrix as ArrayLike<number>, 512 * 2 ** zoom, this.positions.origin));
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, this.palette);
    gl.uniform1i(this.loc.u_palette, 0);
    gl.uniform1f(this.loc.u_radius, interpolateStops(this.style.radiusStops, zoom));
    gl.uniform1f(this.loc.u_radii, this.pal?.radii ? 1 : 0);
    gl.uniform1f(this.loc.u_stroke, zoom >= this.style.strokeMinZoom ? 1 : 0);
    gl.uniform1f(this.loc.u_dpr, dpr);
    gl.uniform1f(this.loc.u_opacity, this.style.opacity);
    gl.uniform1i(this.loc.u_selected, this.selected);
    gl.uniform1i(this.loc.u_hovered, this.hovered);
    gl.enable(gl.BLEND);
    gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    gl.bindVertexArray(this.vao);
    gl.drawArrays(gl.POINTS, 0, this.positions.count);
    gl.bindVertexArray(null);
    this.drawnKey = this.classesKey;
    this.drawnAt = performance.now();
  }
}

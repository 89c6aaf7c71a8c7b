// Tauri's `freezePrototype` freezes Object.prototype in the window, so that no script can
// tamper with what every object inherits. A side effect (the "override mistake" of
// JavaScript): assigning a property that a frozen prototype already has, such as
// `obj.constructor = …` or `obj.toString = …`, throws in strict code. d3-color (under React
// Flow's zoom) builds its colour classes exactly that way, and the whole page then fails to
// load. This plugin rewrites d3-color's two helpers to define those properties instead of
// assigning them: the same objects, built without an assignment the frozen prototype refuses.
import type { Plugin } from 'vite';

const HELPERS = /function define\(constructor, factory, prototype\) \{[\s\S]*?\n\}\n\nfunction extend\(parent, definition\) \{[\s\S]*?\n\}\n/;

const REPLACEMENT = `function own(object, key, value) {
  Object.defineProperty(object, key, { value, writable: true, configurable: true, enumerable: key !== "constructor" });
}

function define(constructor, factory, prototype) {
  constructor.prototype = factory.prototype = prototype;
  own(prototype, "constructor", constructor);
}

function extend(parent, definition) {
  var prototype = Object.create(parent.prototype);
  for (var key in definition) own(prototype, key, definition[key]);
  return prototype;
}
`;

export function frozenPrototypes(): Plugin {
  return {
    name: 'epure:frozen-prototypes',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]d3-color[\\/]dist[\\/]d3-color\.m?js$/.test(id)) return null;
      if (!HELPERS.test(code)) {
        // A new d3-color whose helpers changed: fail the build rather than ship a blank window.
        this.error('d3-color changed its define/extend helpers: update ui/frozen-prototypes.ts');
      }
      return { code: code.replace(HELPERS, REPLACEMENT), map: null };
    },
  };
}

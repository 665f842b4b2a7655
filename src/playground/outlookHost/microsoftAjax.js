/*
 * microsoft-ajax.js: the part of MicrosoftAjax.js (ASP.NET AJAX 3.5) that Microsoft's
 * outlook-web-16.01.js needs. That file refuses to run without it (OsfMsAjaxFactory.isMsAjaxLoaded)
 * and fetches it from Microsoft's CDN otherwise, which the playground and the tests cannot reach.
 * The @microsoft/office-js package does not ship it. Plain ES5: it runs before office.js, in the
 * pane page and in the playground page (outlookHost/README.md, "MicrosoftAjax.js").
 */
(function (win) {
  "use strict";
  if (win.Sys && win.Sys.StringBuilder) return;

  function named(name, message, props) {
    var error = new Error(name + ": " + message);
    error.name = name;
    for (var key in props) error[key] = props[key];
    return error;
  }
  // Error.argument and friends: office.js throws what these return (OsfMsAjaxFactory.msAjaxError).
  Error.create = function (message, info) { var e = new Error(message); for (var k in info) e[k] = info[k]; return e; };
  Error.argument = function (paramName, message) { return named("Sys.ArgumentException", message || "Value does not fall within the expected range.", { paramName: paramName }); };
  Error.argumentNull = function (paramName, message) { return named("Sys.ArgumentNullException", message || "Value cannot be null.", { paramName: paramName }); };
  Error.argumentUndefined = function (paramName, message) { return named("Sys.ArgumentUndefinedException", message || "Value cannot be undefined.", { paramName: paramName }); };
  Error.argumentOutOfRange = function (paramName, value, message) { return named("Sys.ArgumentOutOfRangeException", message || "Specified argument was out of the range of valid values.", { paramName: paramName, actualValue: value }); };
  Error.argumentType = function (paramName, actualType, expectedType, message) { return named("Sys.ArgumentTypeException", message || "Object cannot be converted to the required type.", { paramName: paramName, actualType: actualType, expectedType: expectedType }); };
  Error.parameterCount = function (message) { return named("Sys.ParameterCountException", message || "Parameter count mismatch.", {}); };
  Error.invalidOperation = function (message) { return named("Sys.InvalidOperationException", message || "Operation is not valid due to the current state of the object.", {}); };
  Error.notImplemented = function (message) { return named("Sys.NotImplementedException", message || "The method or operation is not implemented.", {}); };

  function isOfType(type, value) {
    if (type === String) return typeof value === "string";
    if (type === Number) return typeof value === "number";
    if (type === Boolean) return typeof value === "boolean";
    if (type === Function) return typeof value === "function";
    if (type === Array) return Array.isArray(value);
    if (type === Object) return true;
    return value instanceof type;
  }

  // Function._validateParams(arguments, [{ name, type, mayBeNull, optional, integer, parameterArray }]):
  // returns the error to throw, or null; MicrosoftAjax.js's contract for every office.js method.
  Function._validateParams = function (params, expected, validateCount) {
    if (validateCount === undefined) validateCount = true;
    var last = expected[expected.length - 1];
    var isArray = last && last.parameterArray;
    if (validateCount && !isArray && params.length > expected.length) return Error.parameterCount();
    for (var i = 0; i < expected.length; i++) {
      var spec = expected[i];
      var values = spec.parameterArray ? Array.prototype.slice.call(params, i) : [params[i]];
      if (spec.parameterArray && values.length === 0) continue;
      for (var j = 0; j < values.length; j++) {
        var value = values[j];
        var name = spec.name + (spec.parameterArray ? "[" + j + "]" : "");
        if (value === undefined) {
          if (spec.optional || i >= params.length) { if (spec.optional) continue; }
          if (!spec.mayBeNull && !spec.optional) return Error.argumentUndefined(name);
          continue;
        }
        if (value === null) {
          if (!spec.mayBeNull) return Error.argumentNull(name);
          continue;
        }
        if (spec.type && !isOfType(spec.type, value)) return Error.argumentType(name, typeof value, spec.type);
        if (spec.integer && (typeof value !== "number" || Math.round(value) !== value)) return Error.argumentOutOfRange(name, value, "Value must be an integer.");
      }
    }
    return null;
  };

  function registerNamespace(path) {
    var scope = win;
    var parts = path.split(".");
    for (var i = 0; i < parts.length; i++) scope = scope[parts[i]] = scope[parts[i]] || {};
    return scope;
  }
  win.Type = Function;
  Function.registerNamespace = registerNamespace;
  Function.prototype.registerClass = function (name) { this.__typeName = name; this.__class = true; return this; };
  Function.prototype.registerEvent = function () { return this; };
  Function.registerClass = Function.prototype.registerClass;

  function StringBuilder(initial) { this._parts = initial !== undefined && initial !== null && initial !== "" ? [String(initial)] : []; }
  StringBuilder.prototype.append = function (text) { this._parts.push(String(text)); return this; };
  StringBuilder.prototype.appendLine = function (text) { this._parts.push((text === undefined ? "" : String(text)) + "\r\n"); return this; };
  StringBuilder.prototype.clear = function () { this._parts = []; };
  StringBuilder.prototype.isEmpty = function () { return this._parts.length === 0 || this.toString() === ""; };
  StringBuilder.prototype.toString = function (separator) { return this._parts.join(separator || ""); };

  // MicrosoftAjax's serializer is JSON, with dates as "\/Date(ms)\/": roaming settings keep dates that way.
  var DATE = /^\/Date\((-?\d+)\)\/$/;
  var JavaScriptSerializer = {
    serialize: function (value) {
      return JSON.stringify(value, function (key, v) {
        var raw = this[key];
        return raw instanceof Date ? "\\/Date(" + raw.getTime() + ")\\/" : v;
      }).replace(/\\\\\/Date\((-?\d+)\)\\\\\//g, "\\/Date($1)\\/");
    },
    deserialize: function (text) {
      return JSON.parse(text, function (_key, v) {
        var match = typeof v === "string" ? DATE.exec(v) : null;
        return match ? new Date(Number(match[1])) : v;
      });
    },
  };

  win.Sys = {
    StringBuilder: StringBuilder,
    Serialization: { JavaScriptSerializer: JavaScriptSerializer },
    Browser: { agent: null, InternetExplorer: {}, Firefox: {}, Safari: {}, Opera: {} },
    Debug: { trace: function () {}, assert: function () {}, fail: function () {} },
  };
})(window);

import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { Highlight } from "../components/highlight";
import { parseHighlight } from "./highlight";

describe("search highlight sanitizer", () => {
  it("keeps the marks and the text, decoding the API's escaping once", () => {
    expect(parseHighlight("<mark>Chari</mark>zard &amp; Blastoise &lt;b&gt; &quot;1st&quot; &#x27;99")).toEqual([
      { text: "Chari", marked: true },
      { text: "zard & Blastoise <b> \"1st\" '99", marked: false },
    ]);
  });

  it("strips every other tag and attribute but keeps their text", () => {
    expect(parseHighlight('<b>bold</b> <a href="javascript:alert(1)">link</a> <mark class="x" onclick="evil()">hit</mark>')).toEqual([
      { text: "bold link ", marked: false },
      { text: "hit", marked: true },
    ]);
  });

  it("drops scripts and styles entirely and never renders HTML", () => {
    const html = '<img src=x onerror="alert(1)"><script>alert(2)</script><style>*{}</style><mark><i>Poké</i>mon</mark>';
    expect(parseHighlight(html)).toEqual([{ text: "Pokémon", marked: true }]);

    const { container } = render(<p><Highlight html={`${html} &lt;img src=y onerror=alert(3)&gt;`} /></p>);
    const p = container.querySelector("p");
    expect(p?.querySelectorAll("*")).toHaveLength(1);
    expect(p?.querySelector("mark")?.textContent).toBe("Pokémon");
    expect(p?.querySelector("mark")?.attributes).toHaveLength(1); // only our class
    expect(p?.textContent).toBe("Pokémon <img src=y onerror=alert(3)>");
  });

  it("shows the fallback when a field has no highlight", () => {
    const { container } = render(<Highlight html={undefined} fallback="Charizard" />);
    expect(container.textContent).toBe("Charizard");
  });
});

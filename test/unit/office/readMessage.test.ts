import { createReadMessage } from "../../../src/office";

describe("createReadMessage", () => {
  it("maps a Mailbox 1.1 read item", () => {
    const received = new Date("2024-03-01T10:00:00Z");
    expect(
      createReadMessage({
        itemId: "AAMk2",
        subject: "RE: Quote CRM:00021003",
        from: { emailAddress: "customer@example.com", displayName: "Customer" },
        to: [{ emailAddress: "me@example.com" }],
        cc: [{ emailAddress: "boss@example.com" }, { emailAddress: "x@example.com" }],
        dateTimeCreated: received,
      }),
    ).toEqual({
      mode: "read",
      itemId: "AAMk2",
      subject: "RE: Quote CRM:00021003",
      from: "customer@example.com",
      to: ["me@example.com"],
      cc: ["boss@example.com", "x@example.com"],
      received,
    });
  });

  it("gives nulls and empty lists for what the item lacks", () => {
    expect(createReadMessage({ subject: "Hello", to: null, from: null, dateTimeCreated: new Date(Number.NaN) })).toEqual({
      mode: "read",
      itemId: null,
      subject: "Hello",
      from: null,
      to: [],
      cc: [],
      received: null,
    });
  });
});

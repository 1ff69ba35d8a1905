/** The texts of the mentor pages: Danish first, English beside it with the same keys. */
const da = {
  nav: {},
};

export const mentor: { da: typeof da; en: typeof da } = {
  da,
  en: {
    nav: {},
  },
};

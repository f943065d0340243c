package io.github.camelokki.okki.springboot;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Turns the value of an okki option that takes an object into the Spring bean it names: {@code #bean:okkiState},
 * {@code #okkiState} or plain {@code okkiState}, as Camel accepts them. Which options take an object, the generated
 * {@link OkkiComponentConfiguration} says.
 */
final class OkkiComponentConverter implements GenericConverter {

    private final ApplicationContext applicationContext;

    OkkiComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return OkkiComponentConfiguration.OBJECT_OPTION_TYPES.stream()
                .map(type -> new ConvertiblePair(String.class, type))
                .collect(Collectors.toSet());
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String name = source.toString();
        if (name.startsWith("#bean:")) {
            name = name.substring("#bean:".length());
        } else if (name.startsWith("#")) {
            name = name.substring(1);
        }
        return applicationContext.getBean(name, targetType.getType());
    }
}
